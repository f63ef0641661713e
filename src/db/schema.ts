// The Kysely Database interface: one typed description of every table, kept in step with migrations/.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Id = ColumnType<string, never, never>; // bigint identity, read as string by pg
type Ref = ColumnType<string, string | number, string | number>;
type NullableRef = ColumnType<string | null, string | number | null | undefined, string | number | null>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
// numeric columns come back as strings from pg so no precision is lost; callers convert with Number().
type Numeric = ColumnType<string | null, number | string | null | undefined, number | string | null>;
type DateOnly = ColumnType<string, string, string>;
type NullableDateOnly = ColumnType<string | null, string | null | undefined, string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;
type Version = ColumnType<number, number | undefined, number>;

export interface CouncilsTable {
  id: Id;
  slug: string;
  name: string;
  created_at: Generated<Date>;
  /** The council's own ONS GSS code: which rows of a benchmark dataset are "us". */
  area_code: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface DirectoratesTable {
  id: Id;
  council_id: Ref;
  code: string;
  name: string;
  director_name: Generated<string>;
  version: Version;
}

export interface ServicesTable {
  id: Id;
  council_id: Ref;
  directorate_id: Ref;
  code: string;
  name: string;
  head_of_service: Generated<string>;
  version: Version;
}

export interface ProvidersTable {
  id: Id;
  council_id: Ref;
  service_id: Ref;
  code: string;
  name: string;
  kind: Generated<'school' | 'estate' | 'care_home' | 'other'>;
}

export type Role =
  | 'administrator'
  | 'performance_officer'
  | 'data_owner'
  | 'director'
  | 'cabinet_member'
  | 'councillor'
  | 'provider';

export type ScopeType = 'directorate' | 'service' | 'portfolio' | 'committee' | 'provider';

export interface UsersTable {
  id: Id;
  council_id: Ref;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string | null;
  disabled: Generated<boolean>;
  created_at: Generated<Date>;
  /** The OpenID Connect identity the user is bound to at their first single sign-on (migration 019). */
  oidc_issuer: ColumnType<string | null, string | null | undefined, string | null>;
  oidc_subject: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A single sign-on on its way through the provider (src/access/sso/pending-sign-ins.ts). */
export interface SsoSignInsTable {
  id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  next: string;
  expires_at: Timestamp;
}

export interface UserScopesTable {
  council_id: Ref;
  user_id: Ref;
  scope_type: ScopeType;
  scope_id: Ref;
}

export interface SessionsTable {
  id: string;
  user_id: Ref;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface SignInAttemptsTable {
  id: Id;
  email: string;
  address: string;
  outcome: 'succeeded' | 'failed' | 'refused';
  at: Generated<Date>;
}

export interface ApiTokensTable {
  id: Id;
  user_id: Ref;
  token_hash: string;
  name: Generated<string>;
  /** The actions the token may take (src/access/api-tokens.ts), never more than its owner's role grants. */
  actions: string[];
  created_at: Generated<Date>;
  expires_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface StrategiesTable {
  id: Id;
  council_id: Ref;
  title: string;
  start_year: number;
  end_year: number;
  is_current: Generated<boolean>;
  summary: Generated<string>;
}

export interface PrioritiesTable {
  id: Id;
  council_id: Ref;
  strategy_id: Ref;
  code: string;
  title: string;
  description: Generated<string>;
  position: Generated<number>;
  version: Version;
}

export interface OutcomesTable {
  id: Id;
  council_id: Ref;
  priority_id: Ref;
  code: string;
  title: string;
  description: Generated<string>;
  position: Generated<number>;
  version: Version;
}

export interface PortfoliosTable {
  id: Id;
  council_id: Ref;
  code: string;
  title: string;
  cabinet_member_name: string;
  version: Version;
}

export interface PortfolioDirectoratesTable {
  council_id: Ref;
  portfolio_id: Ref;
  directorate_id: Ref;
}

export interface PortfolioServicesTable {
  council_id: Ref;
  portfolio_id: Ref;
  service_id: Ref;
}

export interface CommitteesTable {
  id: Id;
  council_id: Ref;
  code: string;
  title: string;
  kind: 'select' | 'cmt';
  terms_of_reference: Generated<string>;
  themes: ColumnType<string[], string[] | undefined, string[]>;
  chair_name: Generated<string>;
  version: Version;
}

export interface CommitteeServicesTable {
  council_id: Ref;
  committee_id: Ref;
  service_id: Ref;
}

export type Unit =
  'percent' | 'count' | 'days' | 'gbp' | 'rate_per_10000' | 'rate_per_100000' | 'number' | 'score' | 'weeks';
export type PolarityColumn = 'up' | 'down' | 'range' | 'none';
export type FrequencyColumn = 'monthly' | 'quarterly' | 'annual' | 'academic_year';
export type AccumulationColumn = 'discrete' | 'year_to_date' | 'snapshot';
export type CalculationType = 'value' | 'ratio' | 'formula';
export type MeasureStatus = 'draft' | 'active' | 'retired';
export interface ExternalRef {
  scheme: string;
  ref: string;
}

export interface MeasuresTable {
  id: Id;
  council_id: Ref;
  code: string;
  title: string;
  definition: Generated<string>;
  calculation: Generated<string>;
  calculation_type: Generated<CalculationType>;
  numerator_label: Generated<string>;
  denominator_label: Generated<string>;
  formula: Generated<string>;
  unit: Unit;
  decimals: Generated<number>;
  polarity: PolarityColumn;
  frequency: FrequencyColumn;
  accumulation: AccumulationColumn;
  owner_user_id: NullableRef;
  lead_service_id: NullableRef;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  external_refs: Json<ExternalRef[]>;
  data_source: Generated<string>;
  common_mistakes: Generated<string>;
  status: Generated<MeasureStatus>;
  effective_from: NullableDateOnly;
  effective_to: NullableDateOnly;
  version: Version;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  updated_by: NullableRef;
  search: ColumnType<string, never, never>;
}

export interface MeasureServicesTable {
  council_id: Ref;
  measure_id: Ref;
  service_id: Ref;
}

export interface MeasureOutcomesTable {
  council_id: Ref;
  measure_id: Ref;
  outcome_id: Ref;
}

/** A formula measure reads an input measure (migration 005); written with the measure, in its transaction. */
export interface MeasureFormulaInputsTable {
  council_id: Ref;
  measure_id: Ref;
  input_measure_id: Ref;
}

export interface MeasureVersionsTable {
  id: Id;
  council_id: Ref;
  measure_id: Ref;
  version: number;
  snapshot: Json<Record<string, unknown>>;
  changed_by: NullableRef;
  changed_at: Generated<Date>;
  note: Generated<string>;
}

export interface SpcRecalculation {
  period: string;
  start: string;
  reason: string;
}

export interface MeasureSpcSettingsTable {
  council_id: Ref;
  measure_id: Ref;
  baseline_from: string | null;
  baseline_start: NullableDateOnly;
  baseline_to: string | null;
  baseline_reason: Generated<string>;
  recalculations: Json<SpcRecalculation[]>;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: NullableRef;
}

export interface MeasureSpcSettingVersionsTable {
  id: Id;
  council_id: Ref;
  measure_id: Ref;
  version: number;
  snapshot: Json<Record<string, unknown>>;
  changed_by: NullableRef;
  changed_at: Generated<Date>;
}

export interface CollectionRoundsTable {
  id: Id;
  council_id: Ref;
  period: string;
  period_start: DateOnly;
  period_end: DateOnly;
  deadline: DateOnly;
  reminder_days: Generated<number>;
  opened_by: NullableRef;
  opened_at: Generated<Date>;
}

export type ReminderKind = 'opened' | 'due_soon' | 'late';

export interface RoundRemindersSentTable {
  id: Id;
  council_id: Ref;
  round_id: Ref;
  kind: ReminderKind;
  user_id: Ref;
  email: string;
  measures: number;
  sent_at: Generated<Date>;
}

export interface ProviderMeasuresTable {
  council_id: Ref;
  provider_id: Ref;
  measure_id: Ref;
}

export type FindingKind = 'rule' | 'raised';
export type FindingStatus = 'open' | 'resolved';

export interface DataQualityFindingsTable {
  id: Id;
  council_id: Ref;
  measure_id: Ref;
  period: string;
  period_end: DateOnly;
  breakdown: Generated<string>;
  kind: FindingKind;
  message: string;
  raised_by: NullableRef;
  raised_at: Generated<Date>;
  status: Generated<FindingStatus>;
  response: Generated<string>;
  responded_by: NullableRef;
  responded_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  resolved_by: NullableRef;
  resolved_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  resolution_note: Generated<string>;
  version: Generated<number>;
}

export interface MeasureValidationRulesTable {
  id: Id;
  council_id: Ref;
  measure_id: Ref;
  kind: 'range' | 'integer' | 'numerator_within_denominator' | 'change' | 'outlier' | 'cross_measure';
  severity: 'hard' | 'soft';
  parameters: Json<Record<string, number | string | null>>;
  expression: Generated<string>;
  message: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: NullableRef;
  updated_at: Generated<Date>;
  updated_by: NullableRef;
}

export interface MeasureValidationRuleSetsTable {
  council_id: Ref;
  measure_id: Ref;
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: NullableRef;
}

export interface TargetsTable {
  id: Id;
  council_id: Ref;
  measure_id: Ref;
  period: string;
  period_start: DateOnly;
  period_end: DateOnly;
  value: Numeric;
  low: Numeric;
  high: Numeric;
  tolerance_kind: 'absolute' | 'percent' | null;
  tolerance: Numeric;
  source: Generated<'set' | 'profile'>;
  version: Version;
  updated_at: Timestamp;
  updated_by: NullableRef;
}

export type ValueStatus = 'draft' | 'submitted' | 'validated' | 'approved' | 'published';

export interface DataValuesTable {
  id: Id;
  council_id: Ref;
  measure_id: Ref;
  period: string;
  period_start: DateOnly;
  period_end: DateOnly;
  breakdown: Generated<string>;
  value: Numeric;
  numerator: Numeric;
  denominator: Numeric;
  commentary: Generated<string>;
  status: Generated<ValueStatus>;
  quality_flags: ColumnType<string[], string[] | undefined, string[]>;
  revision: Version;
  version: Version;
  published_at: NullableTimestamp;
  revised_after_publication: Generated<boolean>;
  source: Generated<string>;
  source_ref: Generated<string>;
  created_at: Generated<Date>;
  created_by: NullableRef;
  updated_at: Timestamp;
  updated_by: NullableRef;
}

export interface DataValueRevisionsTable {
  id: Id;
  council_id: Ref;
  data_value_id: Ref;
  revision: number;
  value: Numeric;
  numerator: Numeric;
  denominator: Numeric;
  commentary: Generated<string>;
  status: ValueStatus;
  source: string;
  source_ref: Generated<string>;
  changed_by: NullableRef;
  changed_at: Generated<Date>;
  /** When this revision was published; null until it is (migration 010). */
  published_at: NullableTimestamp;
}

/** The view of migration 010: each figure's latest published revision — all that reports and the public read. */
export interface PublishedValuesView {
  data_value_id: string;
  council_id: string;
  measure_id: string;
  period: string;
  period_start: string;
  period_end: string;
  breakdown: string;
  revision: number;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  commentary: string;
  published_at: Date | null;
  /** An earlier revision was published before this one. */
  revised: boolean;
  /** The figure has moved on (a correction) and is back in the workflow; this is still the published one. */
  correction_in_progress: boolean;
}

export interface AuditLogTable {
  id: Id;
  council_id: NullableRef;
  user_id: NullableRef;
  action: string;
  entity: string;
  entity_id: string;
  before: ColumnType<unknown, string | null | undefined, never>;
  after: ColumnType<unknown, string | null | undefined, never>;
  at: Generated<Date>;
}

/** One row a council; the triggers of migration 002 move `generation` whenever anything the scorecard reads changes. */
export interface ScorecardGenerationsTable {
  council_id: Ref;
  // bigint, read as string by pg
  generation: ColumnType<string, string | number | undefined, string | number>;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: Generated<Date>;
}

export interface UploadsTable {
  id: Id;
  council_id: Ref;
  file_name: string;
  sha256: string;
  uploaded_by: Ref;
  uploaded_at: Timestamp;
  rows: number;
  outcome: 'previewed' | 'committed';
  committed_at: NullableTimestamp;
  content: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
  /** An API batch's Idempotency-Key (migration 012); null for files. */
  idempotency_key: ColumnType<string | null, string | null | undefined, string | null>;
}

export type ReportAudience = 'cmt' | 'portfolio' | 'committee' | 'public';
export type ReportGrouping = 'outcome' | 'service' | 'portfolio';
export type SignOffStatus = 'draft' | 'proposed' | 'signed_off' | 'returned';
export type ReportStatus = 'queued' | 'generating' | 'ready' | 'failed' | 'published';

export interface ReportSetsTable {
  id: Id;
  council_id: Ref;
  name: string;
  title: string;
  audience: ReportAudience;
  portfolio_id: NullableRef;
  committee_id: NullableRef;
  grouping: ColumnType<ReportGrouping, ReportGrouping | undefined, ReportGrouping>;
  year: string;
  sign_off: ColumnType<SignOffStatus | null, SignOffStatus | null | undefined, SignOffStatus | null>;
  proposed_by: NullableRef;
  proposed_at: NullableTimestamp;
  decided_by: NullableRef;
  decided_at: NullableTimestamp;
  return_comment: Generated<string>;
  recipients: ColumnType<string[], string[] | undefined, string[]>;
  version: Version;
  created_at: Generated<Date>;
}

export interface ReportSetMeasuresTable {
  council_id: Ref;
  report_set_id: Ref;
  measure_id: Ref;
  position: Generated<number>;
}

export interface ReportSetChangesTable {
  id: Id;
  council_id: Ref;
  report_set_id: Ref;
  change: 'add' | 'remove';
  measure_id: Ref;
  reason: string;
  status: ColumnType<
    'proposed' | 'signed_off' | 'returned',
    'proposed' | 'signed_off' | 'returned' | undefined
  >;
  requested_by: NullableRef;
  requested_at: Generated<Date>;
  decided_by: NullableRef;
  decided_at: NullableTimestamp;
  decision_comment: Generated<string>;
}

export interface CommitteeVersionsTable {
  council_id: Ref;
  committee_id: Ref;
  version: number;
  terms_of_reference: string;
  themes: ColumnType<string[], string[], string[]>;
  services: ColumnType<string[], string[], string[]>;
  changed_by: NullableRef;
  changed_at: Generated<Date>;
  note: Generated<string>;
}

export interface ReportsTable {
  id: Id;
  council_id: Ref;
  report_set_id: Ref;
  period: string;
  status: ColumnType<ReportStatus, ReportStatus | undefined, ReportStatus>;
  progress: Generated<number>;
  progress_note: Generated<string>;
  error: Generated<string>;
  /** The report model (src/reporting/reports/report-model.ts), as JSON. */
  content: ColumnType<unknown, string | null | undefined, string | null>;
  requested_by: NullableRef;
  requested_at: Generated<Date>;
  generated_at: NullableTimestamp;
  published_by: NullableRef;
  published_at: NullableTimestamp;
  version: Version;
}

export type BenchmarkPolarity = 'higher' | 'lower' | 'goldilocks';
export type PeerGroupKind = 'nearest-neighbours' | 'family' | 'region' | 'authority-type' | 'custom';

export interface BenchmarkProfilesTable {
  id: Id;
  council_id: Ref;
  name: string;
  definition: Json<unknown>;
  shipped: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface BenchmarkAreasTable {
  council_id: Ref;
  code: string;
  name: string;
  type: string | null;
  region: string | null;
}

export interface BenchmarkDatasetsTable {
  id: Id;
  council_id: Ref;
  name: string;
  current_version_id: NullableRef;
  created_at: Generated<Date>;
}

export interface BenchmarkDatasetVersionsTable {
  id: Id;
  council_id: Ref;
  dataset_id: Ref;
  version: number;
  file_name: string;
  sha256: string;
  profile: string;
  imported_by: NullableRef;
  imported_at: Generated<Date>;
  row_count: ColumnType<string, number | string | undefined, number | string>;
}

export interface BenchmarkRowsTable {
  council_id: Ref;
  version_id: Ref;
  metric_code: string;
  area_code: string;
  area_name: string;
  period: string;
  value: Numeric;
  numerator: Numeric;
  denominator: Numeric;
}

export interface BenchmarkMetricsTable {
  id: Id;
  council_id: Ref;
  dataset_id: Ref;
  code: string;
  title: Generated<string>;
  unit: Generated<string>;
  polarity: BenchmarkPolarity | null;
  midpoint: Numeric;
  version: Version;
  updated_by: NullableRef;
  updated_at: Timestamp;
}

export interface BenchmarkMappingsTable {
  council_id: Ref;
  measure_id: Ref;
  metric_id: Ref;
  created_at: Generated<Date>;
}

export interface BenchmarkPeerGroupsTable {
  id: Id;
  council_id: Ref;
  name: string;
  kind: PeerGroupKind;
  source: Generated<string>;
  created_at: Generated<Date>;
}

export interface BenchmarkPeerGroupMembersTable {
  council_id: Ref;
  group_id: Ref;
  area_code: string;
  position: number;
}

export interface InspectionFrameworksTable {
  code: string;
  inspectorate: string;
  name: string;
  overall_scale: string | null;
  comparability: string;
  position: number;
}

export interface InspectionScalePointsTable {
  framework_code: string;
  scale: string;
  judgement: string;
  rank: number;
}

export interface InspectionFrameworkAreasTable {
  framework_code: string;
  area: string;
  scale: string;
  position: number;
}

export interface InspectionsTable {
  id: Id;
  council_id: Ref;
  service_id: Ref;
  framework_code: string;
  title: string;
  started_on: DateOnly;
  ended_on: DateOnly;
  published_on: NullableDateOnly;
  /** Set by a trigger from the framework. */
  overall_scale: ColumnType<string | null, never, never>;
  overall_judgement: string | null;
  report_url: Generated<string>;
  summary: Generated<string>;
  next_expected_on: NullableDateOnly;
  next_expected_note: Generated<string>;
  created_by: NullableRef;
  created_at: Generated<Date>;
  version: Version;
}

export interface InspectionJudgementsTable {
  council_id: Ref;
  inspection_id: Ref;
  framework_code: string;
  area: string;
  scale: string;
  judgement: string;
}

export interface InspectionRecommendationsTable {
  id: Id;
  council_id: Ref;
  inspection_id: Ref;
  position: number;
  text: string;
}

export type ActionSource = 'measure' | 'recommendation' | 'finding' | 'standalone';
export type ActionStatus = 'not_started' | 'in_progress' | 'done' | 'cancelled';

export interface ImprovementActionsTable {
  id: Id;
  council_id: Ref;
  service_id: Ref;
  title: string;
  description: Generated<string>;
  source: ActionSource;
  measure_id: NullableRef;
  measure_period: string | null;
  recommendation_id: NullableRef;
  finding_id: NullableRef;
  owner_id: Ref;
  due_on: DateOnly;
  status: ColumnType<ActionStatus, ActionStatus | undefined, ActionStatus>;
  raised_by: NullableRef;
  raised_at: Generated<Date>;
  closed_at: NullableTimestamp;
  version: Version;
}

export interface ImprovementActionNotesTable {
  id: Id;
  council_id: Ref;
  action_id: Ref;
  note: string;
  status: ActionStatus | null;
  written_by: NullableRef;
  written_at: Generated<Date>;
}

export type ReturnRecipient = 'DfE' | 'MHCLG' | 'DHSC' | 'RSH' | 'YJB';
export type ReturnFrequency = 'annual' | 'termly' | 'quarterly' | 'monthly';
export type ReturnStatus =
  'not_started' | 'in_preparation' | 'quality_checked' | 'submitted' | 'accepted' | 'resubmission_required';

export interface StatutoryReturnsTable {
  id: Id;
  council_id: Ref;
  code: string;
  title: string;
  recipient: ReturnRecipient;
  frequency: ReturnFrequency;
  reference_period: string;
  due_on: DateOnly;
  service_id: Ref;
  owner_id: Ref;
  status: ColumnType<ReturnStatus, ReturnStatus | undefined, ReturnStatus>;
  reminder_days: ColumnType<number, number | undefined, number>;
  submitted_at: NullableTimestamp;
  notes: Generated<string>;
  created_at: Generated<Date>;
  version: Version;
}

export interface StatutoryReturnMeasuresTable {
  council_id: Ref;
  return_id: Ref;
  measure_id: Ref;
}

export interface StatutoryReturnChecksTable {
  id: Id;
  council_id: Ref;
  return_id: Ref;
  position: number;
  text: string;
  checked_by: NullableRef;
  checked_at: NullableTimestamp;
}

export type ReturnReminderKind = 'due_soon' | 'overdue';

export interface StatutoryReturnRemindersSentTable {
  council_id: Ref;
  return_id: Ref;
  kind: ReturnReminderKind;
  user_id: Ref;
  email: string;
  sent_at: Generated<Date>;
}

export interface Database {
  councils: CouncilsTable;
  directorates: DirectoratesTable;
  services: ServicesTable;
  providers: ProvidersTable;
  users: UsersTable;
  user_scopes: UserScopesTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  sso_sign_ins: SsoSignInsTable;
  api_tokens: ApiTokensTable;
  strategies: StrategiesTable;
  priorities: PrioritiesTable;
  outcomes: OutcomesTable;
  portfolios: PortfoliosTable;
  portfolio_directorates: PortfolioDirectoratesTable;
  portfolio_services: PortfolioServicesTable;
  committees: CommitteesTable;
  committee_services: CommitteeServicesTable;
  measures: MeasuresTable;
  measure_services: MeasureServicesTable;
  measure_outcomes: MeasureOutcomesTable;
  measure_versions: MeasureVersionsTable;
  measure_spc_settings: MeasureSpcSettingsTable;
  measure_spc_setting_versions: MeasureSpcSettingVersionsTable;
  measure_formula_inputs: MeasureFormulaInputsTable;
  measure_validation_rules: MeasureValidationRulesTable;
  measure_validation_rule_sets: MeasureValidationRuleSetsTable;
  targets: TargetsTable;
  collection_rounds: CollectionRoundsTable;
  round_reminders_sent: RoundRemindersSentTable;
  provider_measures: ProviderMeasuresTable;
  data_quality_findings: DataQualityFindingsTable;
  data_values: DataValuesTable;
  data_value_revisions: DataValueRevisionsTable;
  published_values: PublishedValuesView;
  audit_log: AuditLogTable;
  uploads: UploadsTable;
  scorecard_generations: ScorecardGenerationsTable;
  report_sets: ReportSetsTable;
  report_set_measures: ReportSetMeasuresTable;
  report_set_changes: ReportSetChangesTable;
  committee_versions: CommitteeVersionsTable;
  reports: ReportsTable;
  benchmark_profiles: BenchmarkProfilesTable;
  benchmark_areas: BenchmarkAreasTable;
  benchmark_datasets: BenchmarkDatasetsTable;
  benchmark_dataset_versions: BenchmarkDatasetVersionsTable;
  benchmark_rows: BenchmarkRowsTable;
  benchmark_metrics: BenchmarkMetricsTable;
  benchmark_mappings: BenchmarkMappingsTable;
  benchmark_peer_groups: BenchmarkPeerGroupsTable;
  benchmark_peer_group_members: BenchmarkPeerGroupMembersTable;
  inspection_frameworks: InspectionFrameworksTable;
  inspection_scale_points: InspectionScalePointsTable;
  inspection_framework_areas: InspectionFrameworkAreasTable;
  inspections: InspectionsTable;
  inspection_judgements: InspectionJudgementsTable;
  inspection_recommendations: InspectionRecommendationsTable;
  improvement_actions: ImprovementActionsTable;
  improvement_action_notes: ImprovementActionNotesTable;
  statutory_returns: StatutoryReturnsTable;
  statutory_return_measures: StatutoryReturnMeasuresTable;
  statutory_return_checks: StatutoryReturnChecksTable;
  statutory_return_reminders_sent: StatutoryReturnRemindersSentTable;
  schema_migrations: SchemaMigrationsTable;
}

export type MeasureRow = Selectable<MeasuresTable>;
export type NewMeasure = Insertable<MeasuresTable>;
export type MeasureUpdate = Updateable<MeasuresTable>;
export type DataValueRow = Selectable<DataValuesTable>;
export type TargetRow = Selectable<TargetsTable>;
export type UserRow = Selectable<UsersTable>;
