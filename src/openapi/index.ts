export { publishOpenApi } from './document';
export { QUERY_DATE_TIME, QUERY_UUID, queryInt, queryList, queryText } from './query-params';
export { CREATED_TOKEN_SCHEMA, CREATED_USER_SCHEMA, ME_SCHEMA, TEAMLEIDERS_SCHEMA } from './user-schemas';
