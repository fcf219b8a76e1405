export { TermijnenModule } from './termijnen.module';
export { calendarFromConfig, parseTermijnQuery } from './termijnen.service';
