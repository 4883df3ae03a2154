import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { DynamoDbHistoryReader } from '../../shared/aws/dynamodb-history';
import { S3Archive } from '../../shared/aws/s3-archive';
import { History } from '../../shared/query/history';
import { handleApiRequest, type ApiServices } from '../../shared/query/router';
import { readApiConfig } from './config';

const logger = new Logger({ serviceName: 'jp-sanctions-monitor-api' });
let services: ApiServices | undefined;

/** Built once per container; the function's role may only get and query the table and read the archive's overflow folder. */
function wire(): ApiServices {
  const config = readApiConfig(process.env);
  const reader = new DynamoDbHistoryReader({
    client: DynamoDBDocumentClient.from(new DynamoDBClient({})),
    tableName: config.TABLE_NAME,
    overflow: new S3Archive(new S3Client({}), config.ARCHIVE_BUCKET),
  });
  return { history: new History(reader, { staleAfterHours: config.STALE_AFTER_HOURS }) };
}

/** API Gateway (HTTP API, payload format 2.0) → the read API's router. */
export async function handler(event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> {
  logger.addContext(context);
  services ??= wire();
  const { stage, domainName, http } = event.requestContext;
  // A named stage prefixes the path; $default does not.
  const prefix = stage && stage !== '$default' ? `/${stage}` : '';
  const path = prefix && event.rawPath.startsWith(`${prefix}/`) ? event.rawPath.slice(prefix.length) : event.rawPath;
  const response = await handleApiRequest(
    {
      method: http.method,
      path,
      query: new URLSearchParams(event.rawQueryString),
      baseUrl: `https://${domainName}${prefix}`,
      acceptEncoding: event.headers?.['accept-encoding'],
      ifNoneMatch: event.headers?.['if-none-match'],
      ...(event.body !== undefined && { body: Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8'), contentType: event.headers?.['content-type'] }),
    },
    services,
    (error) => logger.error('the read API could not answer', { path, error: error as Error }),
  );
  // Base64 always: bodies are bytes (gzip, UTF-8) and must arrive as they left the router.
  const body = response.body.toString('base64');
  if (body.length > MAX_RESPONSE_BYTES) return tooLarge(path);
  return { statusCode: response.status, headers: response.headers, body, isBase64Encoded: true };
}

/** Lambda refuses a synchronous response over 6 MB; the largest answers (an export, 1,000 changes) fit once gzipped. */
const MAX_RESPONSE_BYTES = 6 * 1024 * 1024 - 64 * 1024;

function tooLarge(path: string): APIGatewayProxyStructuredResultV2 {
  const problem = {
    type: 'about:blank',
    title: 'Content Too Large',
    status: 413,
    detail: 'the answer is over the 6 MB a Lambda response can carry; send Accept-Encoding: gzip, or ask for a smaller limit',
    instance: path,
  };
  return { statusCode: 413, headers: { 'content-type': 'application/problem+json; charset=utf-8' }, body: JSON.stringify(problem) };
}
