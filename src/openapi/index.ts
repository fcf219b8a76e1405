export { publishOpenApi } from './document';
export { QUERY_DATE_TIME, QUERY_STREAM, QUERY_UUID, queryInt, queryList, queryText } from './query-params';
