package clean

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/gen"
	"github.com/storyline-news/storyline/textproc"
)

// ruleCases pairs each hand-matched rule with the regular expression it
// stands for, the rule's specification. Go's \b knows only ASCII words,
// so the expressions spell a word boundary out: bw before a word, ew
// after one (a letter, digit or _ of any script counts as a word
// character).
var ruleCases = []struct {
	name  string
	re    *regexp.Regexp
	match func(string) bool
}{
	{"readAlso", spec(`^(?:(read|see|watch|listen) (also|more|next)EW|(also read|also see|related( articles?| stories| news)?|more on this( story)?|recommended)\s*[:.\-]|читайте также|смотрите также|по теме\s*:)`), isReadAlso},
	{"photoCredit", spec(`^[(\[]?\s*(photo|photos|image|images|picture|pictures|photograph|photo credit|credit|credits|pictured|video|illustration|фото|фотография|иллюстрация)(?:\s*[:©/(\-]|\s+byEW|\s*$)|^[(\[]?\s*©|^[(\[]?\s*(ap|afp|reuters|getty images|epa|tass|ria novosti|sputnik)( photo)?\s*/|^\(?(image|photo)s?\s*:`), isPhotoCredit},
	{"photoAgency", spec(`BW(getty images|shutterstock|ap photo|afp photo|reuters photo)EW`), isPhotoAgency},
	{"shareLine", spec(`BW(share (this|on|via)|share article|tweet this|email this|print this|follow us (on|at)|subscribe (to|now|for)|sign up (for|to)|newsletter|click here|join us on|download (our|the) app|continue reading( the main story)?|sponsored content|подписывайтесь|подпишитесь)EW|BWcomments?\s*\(\d+\)`), isShareLine},
	{"adBlock", spec(`BWad[ \-]?block(er|ing)?EW|BWdisable (your )?ad|BWfunded by advertisingEW|BWwhitelist (our|this) siteEW|BWbest regards, (the )?editors?EW|cannot be free, otherwise`), isAdBlock},
	{"sourceLink", spec(`^(source link|original source|source url|link to (the )?source|read (the )?(full|original) (article|story)( here| at| on)?)\s*[:.]?\s*$`), isSourceLink},
	{"copyright", spec(`^(copyright|©|\(c\))\s.*|BWall rights reservedEW`), isCopyright},
	{"publishedAt", spec(`^(published|posted|updated|last updated)( at| on)?\s*[:\-]?\s*[\d\s:./,\-apmutcgmt]*$`), isPublishedAt},
}

// spec compiles expr with BW standing for a word boundary before a word
// and EW for one after a word: a character that is no letter, digit or _
// (of any script), or the line's start or end.
func spec(expr string) *regexp.Regexp {
	expr = strings.ReplaceAll(expr, "BW", `(?:^|[^\p{L}\p{Nd}_])`)
	expr = strings.ReplaceAll(expr, "EW", `(?:[^\p{L}\p{Nd}_]|$)`)
	return regexp.MustCompile(expr)
}

// checkRules reports every line on which a rule and its expression
// disagree.
func checkRules(t *testing.T, lines []string) {
	t.Helper()
	for _, rc := range ruleCases {
		bad := 0
		for _, l := range lines {
			if got, want := rc.match(l), rc.re.MatchString(l); got != want {
				if bad++; bad <= 10 {
					t.Errorf("%s(%q) = %v, want %v", rc.name, l, got, want)
				}
			}
		}
	}
}

// TestRulesCases: lines at the edges of each rule (boundaries, optional
// parts, brackets, white space, Cyrillic words next to ASCII ones).
func TestRulesCases(t *testing.T) {
	lines := []string{
		"", " ", "read also", "read also:", "read alsox", "read also_", "read also.", "reading also", "see more of this",
		"related:", "related articles :", "related article-", "related news", "related stories.", "more on this story:",
		"more on this story", "recommended -", "also read: x", "читайте также", "читайте также:", "по теме :", "по теме",
		"по теме x:", "photo: x", "photo", "photos by x", "photograph:", "photo credit x", "photo credit: x", "(photo: x)",
		"[ photo / x", "( image ©x", "pictured right", "pictured by", "pictured byx", "фото: x", "фотоx", "фото x/", "фотоa:",
		"© x", "(©", "ap / x", "ap photo / x", "ap photo/", "reuters photo  /", "getty images/", "ria novosti /", "(image:",
		"(images :", "images:", "photos:", "( image:", "video-", "video (", "illustration", "credits by", "creditsby",
		"getty images", "via getty images.", "xgetty images", "getty imagesx", "shutterstock", "by ap photo",
		"share this", "share this!", "share thisx", "_share this", "share via x", "comments (12)", "comments (12)x",
		"comment(3)a", "comments  ()x", "comments (1 2)x", "7comment (1)a", "xподписывайтесь", "aподписывайтесьb",
		"подписывайтесь", "continue reading the main story", "continue reading the main storyx", "continue readingx",
		"download our app", "download the appx", "sign up to", "sign up for the morning briefing",
		"please disable ad", "please disable your adblock", "xdisable ad", "disable adblocker", "ad blocker", "ad-blocking",
		"adblockx", "funded by advertising.", "whitelist our site", "best regards, the editors", "best regards, editorsx",
		"it cannot be free, otherwise", "source link", "source link :", "source link. ", "source link x", "read the full story here",
		"read full article on:", "read the original story at .", "link to the source", "original source:", "source url",
		"copyright 2024", "copyright", "copyright\t", "©\tx", "(c) x", "(c)", "all rights reserved", "all rights reserved.",
		"all rights reservedx", "published", "published at 12:30 pm", "published on 12 may", "published on 2024-05-12",
		"posted: 10.05.2024", "updated -", "last updated at", "last updated on", "updated on monday", "published at x",
		"posted at on", "published on", "updated gmt utc", "publishedat",
	}
	checkRules(t, lines)
}

// TestWordBoundaryAnyScript: a word boundary beside a Cyrillic word is
// found as beside a Latin one, so that Russian credits and subscription
// pleas go like their English counterparts, and a letter of any script
// next to a phrase makes it part of a longer word.
func TestWordBoundaryAnyScript(t *testing.T) {
	for _, c := range []struct {
		line  string
		match func(string) bool
		want  bool
	}{
		{"фото: иван петров / тасс", isPhotoCredit, true},
		{"photo: ivan petrov / tass", isPhotoCredit, true},
		{"иллюстрация: риа новости", isPhotoCredit, true},
		{"фотографии с места событий", isPhotoCredit, false},
		{"подпишитесь на наш канал в telegram", isShareLine, true},
		{"не забудьте: подписывайтесь!", isShareLine, true},
		{"переподпишитесь", isShareLine, false},
		{"comments (12)", isShareLine, true},
		{"newsletterы", isShareLine, false},
		{"всё о нас: all rights reserved", isCopyright, true},
		{"getty imagesé", isPhotoAgency, false},
	} {
		if got := c.match(c.line); got != c.want {
			t.Errorf("%q: %v, want %v", c.line, got, c.want)
		}
	}
	if k := classify("фото: иван петров / тасс", 5); k == keep {
		t.Error("a Russian photo credit is kept")
	}
}

// rulePieces are the fragments random lines are made of: the words of
// the rules, their parts, and the characters their edges test.
var rulePieces = []string{
	"read", "see", "watch", "listen", "also", "more", "next", "related", " article", "s", " stories", " news",
	"more on this", " story", "recommended", "читайте также", "смотрите также", "по теме", "photo", "image", "picture",
	"photograph", " credit", "credit", "pictured", "video", "illustration", "фото", "графия", "иллюстрация", "by", "©",
	"ap", "afp", "reuters", "getty images", "epa", "tass", "ria novosti", "sputnik", "shutterstock", "share", " this",
	" on", " via", "tweet", "email", "print", "follow us", " at", "subscribe", " to", " now", " for", "sign up",
	"newsletter", "click here", "join us on", "download", " our", " the", " app", "comment", "(", ")", "[", "12", "7",
	"continue reading", " the main story", "sponsored content", "подписывайтесь", "подпишитесь", "ad", "block", "er",
	"ing", "-", "disable", " your", "funded by advertising", "whitelist", " site", "best regards, ", "editor",
	"cannot be free, otherwise", "source", " link", "original", " url", "link to", "full", " here", "copyright", "(c)",
	"all rights reserved", "published", "posted", "updated", "last ", "pm", "utc", "gmt", ":", ".", "/", ",", " ",
	"  ", "\t", "\n", "\f", "\r", "x", "_", "Z", "é", "ж", "\xff", "\v",
}

// TestRulesMatchExpressions: each rule says what its expression says on
// random lines made of the rules' own pieces, on the lines of generated
// articles and, when the labeled sets are at hand, on real ones.
func TestRulesMatchExpressions(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	var lines []string
	for range 30000 {
		var b strings.Builder
		for range 1 + r.IntN(7) {
			b.WriteString(rulePieces[r.IntN(len(rulePieces))])
		}
		lines = append(lines, b.String())
	}
	for range 2000 {
		lines = append(lines, textproc.Normalize(randomText(r, r.IntN(8))))
	}
	for a := range gen.New(gen.Options{Articles: 300, Seed: 9}).All() {
		for _, l := range strings.Split(a.Text, "\n") {
			lines = append(lines, textproc.Normalize(l))
		}
	}
	lines = append(lines, realLines(t, "../../shared/data/giveme5w1h_news_cluster/data.jsonl")...)
	checkRules(t, lines)
}

// realLines returns the normalized lines of the texts of a JSON Lines
// file, or none, with a log line, when it is not there.
func realLines(t *testing.T, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Logf("real lines left out: %v", err)
		return nil
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var rec struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &rec) != nil {
			continue
		}
		for _, l := range strings.Split(rec.Text, "\n") {
			lines = append(lines, textproc.Normalize(l))
		}
	}
	return lines
}

// FuzzRules: on any line, each rule says what its expression says.
func FuzzRules(f *testing.F) {
	for _, s := range []string{"read also:", "photo: x", "comments (3)x", "published on 1 may", "source link .",
		"(c) 2024", "xподписывайтесь", "please disable your ad blocker"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, rc := range ruleCases {
			if got, want := rc.match(s), rc.re.MatchString(s); got != want {
				t.Errorf("%s(%q) = %v, want %v", rc.name, s, got, want)
			}
		}
	})
}
