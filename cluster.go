package storyline

// Event groups the articles that report one happening.
type Event struct {
	ID             string    `json:"id"`
	Story          string    `json:"story,omitempty"`
	Title          string    `json:"title"`
	FirstPublished Published `json:"first_published"`
	LastPublished  Published `json:"last_published"`
	Articles       []string  `json:"articles"`
}

// Story links the events of one developing thread.
type Story struct {
	ID             string    `json:"id"`
	Title          string    `json:"title"`
	FirstPublished Published `json:"first_published"`
	LastPublished  Published `json:"last_published"`
	Articles       []string  `json:"articles"`
	Events         []Event   `json:"events"`
}

// Assignment records where the clusterer put one article and why.
type Assignment struct {
	Article string `json:"id"`
	Event   string `json:"event"`
	Story   string `json:"story"`
	Why     *Why   `json:"why,omitempty"`
}

// Why explains an assignment: what the article shares with the cluster it
// joined (or that it opened a new one).
type Why struct {
	// NewEvent and NewStory report that the article opened a cluster.
	NewEvent   bool    `json:"new_event"`
	NewStory   bool    `json:"new_story"`
	Similarity float64 `json:"similarity"`
	// Terms and Entities are the top shared terms and entities.
	Terms    []string `json:"terms,omitempty"`
	Entities []string `json:"entities,omitempty"`
	// Copies are the articles in the cluster this one shares text with.
	Copies []string `json:"copies,omitempty"`
}

// Merge records that two clusters turned out to be one.
type Merge struct {
	// Level is "event" or "story".
	Level string `json:"level"`
	// From was merged into Into.
	From string `json:"from"`
	Into string `json:"into"`
	// After is the article whose arrival caused the merge.
	After string `json:"after"`
}
