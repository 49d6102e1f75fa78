package storyline

// CopyKind classifies how much two articles share.
type CopyKind string

// The kinds of copy.
const (
	// Duplicate: the same normalized text.
	Duplicate CopyKind = "duplicate"
	// NearDuplicate: almost all text shared, with small edits.
	NearDuplicate CopyKind = "near_duplicate"
	// Partial: one or more passages shared inside otherwise different text.
	Partial CopyKind = "partial"
)

// Direction says which article of a pair is the likely original.
type Direction string

// The directions of a copy.
const (
	AToB             Direction = "a_to_b"
	BToA             Direction = "b_to_a"
	UnknownDirection Direction = "unknown"
)

// Copy is a pair of articles that share text. A < B by id.
type Copy struct {
	A    string   `json:"a"`
	B    string   `json:"b"`
	Kind CopyKind `json:"kind"`
	// Similarity is in [0, 1]: estimated Jaccard for (near) duplicates, the
	// larger reused share for partial copies.
	Similarity float64 `json:"similarity"`
	// AShare and BShare are the fractions of each article's clean text
	// that the shared passages cover.
	AShare    float64   `json:"a_share"`
	BShare    float64   `json:"b_share"`
	Direction Direction `json:"direction"`
	Passages  []Passage `json:"passages"`
}

// Passage is one span shared by both articles of a Copy, as code point
// offsets into each article's clean text.
type Passage struct {
	AStart int    `json:"a_start"`
	AEnd   int    `json:"a_end"`
	BStart int    `json:"b_start"`
	BEnd   int    `json:"b_end"`
	Text   string `json:"text"`
	// Quote reports that the passage is a quotation in both articles: a
	// shared quote, not copying.
	Quote bool `json:"quote,omitempty"`
}

// Swapped returns the pair seen from the other side: A and B, their
// shares, the direction and every passage's offsets exchanged.
func (cp Copy) Swapped() Copy {
	cp.A, cp.B = cp.B, cp.A
	cp.AShare, cp.BShare = cp.BShare, cp.AShare
	switch cp.Direction {
	case AToB:
		cp.Direction = BToA
	case BToA:
		cp.Direction = AToB
	}
	ps := make([]Passage, len(cp.Passages))
	for i, p := range cp.Passages {
		ps[i] = Passage{AStart: p.BStart, AEnd: p.BEnd, BStart: p.AStart, BEnd: p.AEnd, Text: p.Text, Quote: p.Quote}
	}
	cp.Passages = ps
	return cp
}
