import type { EmbeddedDynamoDb } from '../../shared/local/embedded-dynamodb';

/**
 * What a Lambda's environment gives its SDK clients, pointed at the embedded DynamoDB (dynalite on 127.0.0.1):
 * a handler under test builds its clients from the environment exactly as in AWS.
 */
export function lambdaEnvironment(dynamo: EmbeddedDynamoDb): Record<string, string> {
  return {
    AWS_REGION: 'ap-northeast-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    TABLE_NAME: dynamo.tableName,
  };
}
