export { isWebPath, WebModule } from './web.module';
