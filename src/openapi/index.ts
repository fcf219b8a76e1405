export { publishOpenApi } from './document';
