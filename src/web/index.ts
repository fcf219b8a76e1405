export { WebModule, isWebPath } from './web.module';
