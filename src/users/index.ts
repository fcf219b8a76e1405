export { AuthenticationGuard, AuthGuard } from './auth.guard';
export { bootstrapTokenFile, writeBootstrapToken } from './bootstrap';
export { loadAllNames, loadNames } from './names';
export { UserRepository } from './user.repository';
export { UsersModule } from './users.module';
export { UsersService, withTokenIssuer } from './users.service';
export type { UserView } from './users.service';
