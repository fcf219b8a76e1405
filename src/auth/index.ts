export { Allow, CurrentActor, PERMISSION_KEY, Public, PUBLIC_KEY } from './auth.decorators';
export type { AuthedRequest } from './auth.decorators';
export { may, mayAny, roleSetProblem } from './permissions';
export type { Action } from './permissions';
