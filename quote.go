package storyline

// QuoteKind tells direct quotation from reported speech.
type QuoteKind string

// The kinds of quote.
const (
	Direct   QuoteKind = "direct"
	Indirect QuoteKind = "indirect"
)

// Quote is one thing an article says somebody said.
type Quote struct {
	Article string `json:"article"`
	// Text is the quoted content, without the quotation marks.
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Speaker is the resolved name of who said it ("Dmitry Peskov"); empty
	// when unknown.
	Speaker string `json:"speaker"`
	// SpeakerStart and SpeakerEnd mark the mention the cue attaches to,
	// which may be a pronoun or a role ("he", "the spokesman"); -1 when none.
	SpeakerStart int       `json:"speaker_start"`
	SpeakerEnd   int       `json:"speaker_end"`
	Cue          string    `json:"cue"`
	Kind         QuoteKind `json:"kind"`
	// Statement is the id of the group of quotes that are one statement,
	// verbatim or reworded, across articles.
	Statement string `json:"statement"`
}

// Statement is one thing somebody said, as it appears across articles in
// one or more wordings.
type Statement struct {
	ID      string `json:"id"`
	Speaker string `json:"speaker"`
	// First is the article where the statement appeared first.
	First    string    `json:"first"`
	Wordings []Wording `json:"wordings"`
}

// Wording is one rendering of a statement and the articles that carry it.
type Wording struct {
	Text     string   `json:"text"`
	Articles []string `json:"articles"`
}
