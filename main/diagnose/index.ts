// Public surface of the diagnosis engine.
export { diagnose, matchRules, MIN_CONFIDENCE } from './engine';
export { suggestCfg, levenshtein, type CfgSuggestion } from './suggest-cfg';
export { KNOWN_IDCODES, lookupIdcode, isPlausibleIdcode, hex32 } from './idcodes';
export { formatFindings, findingsToJson } from './format';
export { SIGNATURES } from './signatures/index';
export type { DiagnoseInput, DiagnoseLogLine, UsbAdapter, ActiveCheckResult, UserAnswers, SignatureRule, CategorySignatures } from './types';
export { cannotReachDebugPort, shouldRetryUnderReset } from './reach';
export { CHECK_EVIDENCE } from './combine';
export { deprecationNotes, type LogNote } from './notes';
