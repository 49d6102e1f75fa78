package storyline

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Article is one news article: what was read from the input, cleaned, and
// what the reading stages found in it.
type Article struct {
	// ID is the input's own id; else a file's base name without extension;
	// else a content hash. It is stable across runs.
	ID string `json:"id"`
	// Title is the article's headline, inferred when the input has none.
	Title string `json:"title"`
	// Source is the outlet: the input's field, else the URL's host, else the
	// HTML site name, else empty.
	Source string `json:"source"`
	// URL is the article's canonical address when known.
	URL string `json:"url"`
	// Lang is a BCP 47 base language ("en", "ru"), or "und" when unsure.
	Lang string `json:"lang"`
	// Published is when the article was published; zero when unknown.
	Published Published `json:"published"`
	// Text is the clean body: metadata tokens and boilerplate removed.
	Text string `json:"text"`

	// Raw is the article's input exactly as read (HTML, text, a JSON line).
	Raw []byte `json:"-"`
	// Format names the input format Raw is in: "text", "html", "json",
	// "feed" or "warc".
	Format string `json:"format,omitempty"`
	// Origin says where the article was read from: a path, optionally with
	// ":line", a URL, or "-" for stdin.
	Origin string `json:"origin,omitempty"`
	// Hash is textproc.Hash of the extracted title and text joined by a
	// newline, before boilerplate cleaning, so that the same input always
	// hashes the same: it is how a re-run recognises an unchanged article.
	Hash string `json:"hash,omitempty"`
	// Ahead is work done ahead, on a reader's goroutine, for a later
	// stage, which alone reads it: the cleaner's split of Text into
	// normalized lines (clean.Prepare). It is in memory only, never stored
	// nor encoded; the stage drops it once read, and ignores it when Text
	// has changed since. Nil when there is none.
	Ahead any `json:"-"`

	// Dates are the dates the text mentions, resolved against Published.
	Dates []DateMention `json:"dates,omitempty"`
	// Entities are the people, organisations and places the text mentions.
	Entities []Entity `json:"entities,omitempty"`
	// Cited are the sources the text credits ("according to TASS").
	Cited []Citation `json:"cited,omitempty"`
}

// Published is a publication time. It knows whether the time of day is
// known: a day prints as YYYY-MM-DD, an instant as RFC 3339 in UTC, and the
// zero value as the empty string.
type Published struct {
	// Time is the instant in UTC; midnight UTC when only the day is known.
	Time time.Time
	// HasTime reports whether the time of day is known.
	HasTime bool
}

// Day returns a Published that knows only the day of t.
func Day(t time.Time) Published {
	t = t.UTC()
	return Published{Time: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)}
}

// Instant returns a Published that knows the time of day of t.
func Instant(t time.Time) Published {
	return Published{Time: t.UTC(), HasTime: true}
}

// IsZero reports whether the publication time is unknown.
func (p Published) IsZero() bool { return p.Time.IsZero() }

// String formats p as YYYY-MM-DD, RFC 3339, or "" when unknown.
func (p Published) String() string {
	switch {
	case p.Time.IsZero():
		return ""
	case p.HasTime:
		return p.Time.UTC().Format(time.RFC3339)
	default:
		return p.Time.UTC().Format(time.DateOnly)
	}
}

// Before reports whether p is known to be earlier than q. Two days, or a
// day and an instant on that day, are not ordered: Before reports false both
// ways, and callers say "unknown" rather than guess.
func (p Published) Before(q Published) bool {
	if p.IsZero() || q.IsZero() {
		return false
	}
	if p.HasTime && q.HasTime {
		return p.Time.Before(q.Time)
	}
	pd, qd := Day(p.Time).Time, Day(q.Time).Time
	return pd.Before(qd)
}

// ParsePublished parses the forms String produces: "", YYYY-MM-DD, or
// RFC 3339 (any offset, converted to UTC).
func ParsePublished(s string) (Published, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Published{}, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return Day(t), nil
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return Instant(t), nil
	}
	return Published{}, fmt.Errorf("published %q: want YYYY-MM-DD or RFC 3339", s)
}

// MarshalJSON encodes p as its String form.
func (p Published) MarshalJSON() ([]byte, error) { return json.Marshal(p.String()) }

// UnmarshalJSON decodes the String form.
func (p *Published) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("published: %w", err)
	}
	v, err := ParsePublished(s)
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// Precision says how much of a mentioned date is known.
type Precision string

// The precisions a DateMention can have.
const (
	PrecisionDay   Precision = "day"
	PrecisionMonth Precision = "month"
	PrecisionYear  Precision = "year"
)

// DateMention is a date the text mentions ("on Friday", "December 7"),
// resolved against the article's publication date.
type DateMention struct {
	// Date is YYYY-MM-DD for day precision, YYYY-MM for month, YYYY for year.
	Date      string    `json:"date"`
	Text      string    `json:"text"`
	Start     int       `json:"start"`
	End       int       `json:"end"`
	Precision Precision `json:"precision"`
}

// EntityKind is what an entity is.
type EntityKind string

// The kinds of entity Storyline recognises.
const (
	Person       EntityKind = "person"
	Organization EntityKind = "org"
	Place        EntityKind = "place"
)

// Entity is a person, organisation or place an article mentions, with every
// mention that refers to it ("Dmitry Peskov", "Peskov", "the Kremlin
// spokesman").
type Entity struct {
	// Name is the canonical name ("Dmitry Peskov").
	Name     string     `json:"name"`
	Kind     EntityKind `json:"kind"`
	Mentions []Mention  `json:"mentions"`
}

// Mention is one span of text that names or refers to an entity.
type Mention struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Citation is a source an article credits in its text ("according to
// Sputnik", "/TASS/").
type Citation struct {
	Source string `json:"source"`
	Text   string `json:"text"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}
