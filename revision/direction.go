package revision

// Direction is which way a revision runs, spelled as retort_history and
// retort_progress record it.
type Direction string

const (
	Up   Direction = "up"
	Down Direction = "down"
	// Stamp is recorded in retort_history for revisions marked applied
	// without running anything; no body runs in it.
	Stamp Direction = "stamp"
)
