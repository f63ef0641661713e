// Collection's routes in one module for the server's list: data entry, collection rounds, returns, uploads, the
// values API (one figure or a batch), the validation rules, the approval workflow and data quality.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../web/server.ts';
import { approvalsRoutes } from './approvals/approvals.routes.ts';
import { valuesBatchRoutes } from './batch/values-batch.routes.ts';
import { entryRoutes } from './entry.routes.ts';
import { myReturnsRoutes } from './returns/my-returns.routes.ts';
import { roundsRoutes } from './rounds/rounds.routes.ts';
import { rulesRoutes } from './rules/rules.routes.ts';
import { qualityRoutes } from './quality/quality.routes.ts';
import { uploadRoutes } from './upload/upload.routes.ts';
import { valuesApiRoutes } from './values.api.routes.ts';

export function collectionRoutes(app: FastifyInstance, context: ServerContext): void {
  entryRoutes(app, context);
  roundsRoutes(app, context);
  myReturnsRoutes(app, context);
  valuesApiRoutes(app, context);
  valuesBatchRoutes(app, context);
  rulesRoutes(app, context);
  uploadRoutes(app, context);
  approvalsRoutes(app, context);
  qualityRoutes(app, context);
}
