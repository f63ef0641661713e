-- An API token does only the actions it names, checked with its owner's role at every request
-- (src/access/api-tokens.ts). Tokens made before scopes existed keep everything their owner's role allows.
ALTER TABLE api_tokens ADD COLUMN actions text[];
UPDATE api_tokens SET actions = ARRAY[
  'structure.read', 'structure.write', 'measure.read', 'measure.write', 'target.write', 'value.read',
  'value.write', 'value.transition', 'value.submit', 'value.validate', 'value.approve', 'value.publish',
  'round.manage', 'audit.read', 'user.manage', 'quality.read', 'finding.raise', 'finding.respond',
  'finding.resolve', 'report.read', 'report.manage', 'reportset.propose', 'reportset.signoff', 'committee.write',
  'benchmark.read', 'benchmark.manage', 'assurance.read', 'inspection.write', 'action.write', 'return.manage',
  'return.update'];
ALTER TABLE api_tokens ALTER COLUMN actions SET NOT NULL;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_some_action CHECK (cardinality(actions) > 0);
