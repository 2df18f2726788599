// The station's shapes live in shared/ (the renderer shows them); re-exported for main/station.
export type { SlotFinding, SlotPhase, SlotState, StationResult, StationRow, StationSummary, StationView } from '../../shared/station';
