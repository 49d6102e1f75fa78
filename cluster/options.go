package cluster

import "time"

// Options configures a Clusterer. The zero value of any field means its
// default (DefaultOptions).
type Options struct {
	// EventThreshold is the decayed cosine similarity an article needs to
	// join an event.
	EventThreshold float64
	// StoryThreshold is the similarity an article opening an event needs
	// to join a story with it.
	StoryThreshold float64
	// StoryNameAgreement is the least cosine over name terms an article
	// opening an event needs with a story to join it, when both have
	// names: a story is a thread about the same people and places.
	StoryNameAgreement float64
	// StoryEvidence is the share of the similarity a story link needs
	// (StoryThreshold for an article opening an event, RelinkThreshold
	// for an event relinking its story) that must come from other terms
	// than the one shared term contributing most (see storyEvidence):
	// the strike, the fire and the court case of one town share its
	// name, not its people or what happened.
	StoryEvidence float64
	// RelinkThreshold is the similarity an event's accumulated centroid
	// needs with another story than its own (and StoryNameAgreement) for
	// the two stories to be merged, checked each time the event doubles.
	RelinkThreshold float64
	// MergeThreshold is the cosine two event centroids need to be merged
	// when an article matches both: stronger evidence than one member's.
	// Below it, two events are merged when their members are as alike
	// across the two as within each (see mergeable): the halves of one
	// happening split by the order of arrival.
	MergeThreshold float64
	// NameAgreement is the least cosine over name terms an article needs
	// with an event, when both have names.
	NameAgreement float64
	// WordAgreement is the least cosine over the other terms (what
	// happened) an article needs with an event, when both have such
	// terms: two happenings of one place or one person share their
	// names, which can carry the whole similarity when names weigh most.
	WordAgreement float64
	// DenseWordAgreement is the least cosine over the other terms an
	// article needs with a cluster of any size in a dense stream (see
	// denseDay), when both have such terms. At thousands of reports a
	// day, unlike happenings of one town are reported together, and the
	// language every report of them shares (who said what, an aide, the
	// mayor's office, a local resident) alone puts the words of two of
	// them at a cosine near WordAgreement: their names then join them.
	// The default is WordAgreement's: at 0.15, a 140,000-report window
	// of a million-report stream loses its hub events (pairwise event
	// precision 0.82 to 0.94, recall 0.975 either way), but the reports
	// of one big happening of a 20,000-report stream, whose centroid
	// spreads as it grows, stop joining it (recall 0.875 to 0.860).
	DenseWordAgreement float64
	// EventDecay and StoryDecay are the time constants of the decay of
	// similarity with the gap between an article and a cluster's span.
	EventDecay, StoryDecay time.Duration
	// DateFloor is the share of similarity an event keeps for an article
	// whose event day is none of the event's, published before or after
	// the event's reports (see dayFactor).
	DateFloor float64
	// DecayFloor is the share of similarity kept at an infinite gap: time
	// weakens evidence, it never cancels strong textual agreement. It is
	// also the share kept between a report of unknown time and a
	// published one (see untimed.go): nothing shows them close in time.
	DecayFloor float64
	// EventWindow and StoryWindow are how long after its last article a
	// cluster stays active (in stream time: the latest publication seen).
	EventWindow, StoryWindow time.Duration
	// EventIdle and StoryIdle bound the window by arrivals as well: a
	// cluster no article joined during that many arrivals leaves it, so
	// that memory stays bounded for streams without dates too.
	EventIdle, StoryIdle int
	// DocTerms is how many of its heaviest terms represent an article;
	// CentroidTerms bounds a cluster's centroid.
	DocTerms, CentroidTerms int
	// QueryTerms is how many of an article's heaviest terms look up
	// candidates; MaxPostings how many of the most recent clusters each
	// term yields; MaxCandidates how many candidates are scored exactly.
	// In a dense stream the lists of common terms are full, and the walk
	// over them and the scoring of candidates are most of the ordered
	// work: at 32 and 6 (from 64 and 10) a 100,000-report stream of 180
	// days reads half the postings and scores 40% fewer candidates
	// (lookups -31% of their instructions), and its pairwise event F1
	// goes from 0.956 to 0.964 (stories 0.957 either way; the
	// 20,000-report stream 0.898 to 0.901, stories 0.929 to 0.927;
	// GiveMe5W1H and ECB+ unchanged), as the candidates the longer
	// lists added were mostly older clusters sharing common words.
	QueryTerms, MaxPostings, MaxCandidates int
	// NoState, for runs without a store (`storyline cluster`), records
	// no changes for Pending, which then returns nothing: the clusters
	// are not encoded at every batch. Assignments are the same.
	NoState bool
	// NoExplain, for runs that read only the assignments (`storyline
	// cluster`, whose store drops explanations), leaves the terms and
	// names of an assignment's Why empty: finding them ranked the
	// article's shared terms at every join, a twentieth of the ordered
	// work. Assignments are the same.
	NoExplain bool
}

// DefaultOptions returns the one configuration used for every data set.
func DefaultOptions() Options {
	return Options{
		EventThreshold:     0.2,
		StoryThreshold:     0.15,
		MergeThreshold:     0.6,
		StoryNameAgreement: 0.4,
		StoryEvidence:      1.0 / 3,
		RelinkThreshold:    0.45,
		NameAgreement:      0.2,
		WordAgreement:      0.03,
		DenseWordAgreement: 0.03,
		EventDecay:         7 * 24 * time.Hour,
		StoryDecay:         30 * 24 * time.Hour,
		DecayFloor:         0.5,
		DateFloor:          0.2,
		EventWindow:        60 * 24 * time.Hour,
		StoryWindow:        180 * 24 * time.Hour,
		EventIdle:          50_000,
		StoryIdle:          150_000,
		DocTerms:           64,
		CentroidTerms:      160,
		QueryTerms:         12,
		MaxPostings:        32,
		MaxCandidates:      6,
	}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	set := func(v *float64, def float64) {
		if *v == 0 {
			*v = def
		}
	}
	setD := func(v *time.Duration, def time.Duration) {
		if *v == 0 {
			*v = def
		}
	}
	setI := func(v *int, def int) {
		if *v == 0 {
			*v = def
		}
	}
	set(&o.EventThreshold, d.EventThreshold)
	set(&o.StoryThreshold, d.StoryThreshold)
	set(&o.MergeThreshold, d.MergeThreshold)
	set(&o.StoryNameAgreement, d.StoryNameAgreement)
	set(&o.StoryEvidence, d.StoryEvidence)
	set(&o.RelinkThreshold, d.RelinkThreshold)
	set(&o.NameAgreement, d.NameAgreement)
	set(&o.WordAgreement, d.WordAgreement)
	set(&o.DenseWordAgreement, d.DenseWordAgreement)
	set(&o.DecayFloor, d.DecayFloor)
	set(&o.DateFloor, d.DateFloor)
	setD(&o.EventDecay, d.EventDecay)
	setD(&o.StoryDecay, d.StoryDecay)
	setD(&o.EventWindow, d.EventWindow)
	setD(&o.StoryWindow, d.StoryWindow)
	setI(&o.EventIdle, d.EventIdle)
	setI(&o.StoryIdle, d.StoryIdle)
	setI(&o.DocTerms, d.DocTerms)
	setI(&o.CentroidTerms, d.CentroidTerms)
	setI(&o.QueryTerms, d.QueryTerms)
	setI(&o.MaxPostings, d.MaxPostings)
	setI(&o.MaxCandidates, d.MaxCandidates)
	return o
}
