import { z } from 'zod';
import { AdminErrorSchema } from '../../shared/protocol';
import { ADMIN_ROUTES } from './adminHttp';

const schema = (s: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(s, { io, target: 'draft-2020-12', unrepresentable: 'any' });

const ERRORS: Record<string, string> = {
  '400': 'Invalid body (the field is named) or malformed JSON',
  '401': 'No valid access token',
  '403': 'Not an administrator',
  '404': 'No such endpoint or id',
  '409': 'Conflict with what is stored (a taken username, open cases, the last admin)',
  '413': 'Body too large',
  '415': 'Body is not JSON',
};

/**
 * The OpenAPI 3.1 document of the admin API, built from the route table and the zod schemas it validates with,
 * so it cannot drift from what the hub accepts.
 */
export function adminOpenApi(): unknown {
  const error = { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ADMIN_ROUTES) {
    const param = /\{(\w+)\}/.exec(route.path)?.[1];
    paths[route.path] ??= {};
    paths[route.path][route.method.toLowerCase()] = {
      summary: route.summary,
      operationId: `${route.method.toLowerCase()}${route.path.replace('/api/v1/admin', '').replace(/\{(\w)(\w*)\}/g, (_, c: string, rest: string) => `By${c.toUpperCase()}${rest}`).replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase())}`,
      security: [{ bearer: [] }],
      ...(param ? { parameters: [{ name: param, in: 'path', required: true, schema: { type: 'string' } }] } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(route.body, 'input') } } } } : {}),
      responses: {
        [String(route.status)]: { description: 'Done', content: { 'application/json': { schema: schema(route.answer, 'output') } } },
        ...Object.fromEntries(Object.entries(ERRORS).map(([status, description]) => [status, { ...error, description }])),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Contact centre hub: administration API', version: '1' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The accessToken from POST /api/v1/auth/login' } },
      schemas: { Error: schema(AdminErrorSchema, 'output') },
    },
  };
}
