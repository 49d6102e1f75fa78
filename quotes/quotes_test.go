package quotes

import (
	"strings"
	"testing"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/entities"
)

func extract(text string) []storyline.Quote {
	return Extract(entities.Recognize(entities.NewDoc(text), nil), "a")
}

// extracted is what a test expects of one extracted quote: its text, the
// resolved speaker, the speaker's mention in the text, the cue and kind.
type extracted struct {
	text, speaker, mention, cue string
	kind                        storyline.QuoteKind
}

// checkExtract extracts the quotes of text and compares them, in order,
// with want; each quote's span must also hold its text.
func checkExtract(t *testing.T, text string, want []extracted) {
	t.Helper()
	got := extract(text)
	runes := []rune(text)
	if len(got) != len(want) {
		t.Fatalf("got %d quotes %+v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		q := got[i]
		mention := ""
		if q.SpeakerStart >= 0 {
			mention = string(runes[q.SpeakerStart:q.SpeakerEnd])
		}
		if string(runes[q.Start:q.End]) != q.Text {
			t.Errorf("quote %d: span %d:%d does not hold %q", i, q.Start, q.End, q.Text)
		}
		if g := (extracted{q.Text, q.Speaker, mention, q.Cue, q.Kind}); g != w {
			t.Errorf("quote %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
}

func TestExtract(t *testing.T) {
	type want = extracted
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "straight marks, pronoun resolved through the sentence before",
			text: `Kremlin spokesman Dmitry Peskov spoke on Friday. "We are ready to talk to anyone," he said.`,
			want: []want{{"We are ready to talk to anyone,", "Dmitry Peskov", "he", "said", storyline.Direct}},
		},
		{
			name: "curly marks, inverted cue",
			text: `“The talks were useful and frank,” said Dmitry Peskov, the Kremlin spokesman.`,
			want: []want{{"The talks were useful and frank,", "Dmitry Peskov", "Dmitry Peskov", "said", storyline.Direct}},
		},
		{
			name: "guillemets and a Russian cue",
			text: `«Переговоры были полезными и откровенными», — заявил Дмитрий Песков.`,
			want: []want{{"Переговоры были полезными и откровенными", "Дмитрий Песков", "Дмитрий Песков", "заявил", storyline.Direct}},
		},
		{
			name: "a quote broken by its attribution",
			text: `"It was a useful conversation," Peskov said, "and the presidents will talk again soon."`,
			want: []want{
				{"It was a useful conversation,", "Peskov", "Peskov", "said", storyline.Direct},
				{"and the presidents will talk again soon.", "Peskov", "Peskov", "said", storyline.Direct},
			},
		},
		{
			name: "a quote over two paragraphs is one quote",
			text: "Yuri Ushakov told reporters:\n\n“We are satisfied with the contact, it was frank.\n\n“The leaders agreed to talk again in January.”",
			want: []want{
				{"We are satisfied with the contact, it was frank.\n\n“The leaders agreed to talk again in January.", "Yuri Ushakov", "Yuri Ushakov", "told", storyline.Direct},
			},
		},
		{
			name: "a paragraph-opening quote after a colon",
			text: "Aide Yuri Ushakov revealed some nuances of the call:\n\n“It was not a purely New Year conversation.”",
			want: []want{{"It was not a purely New Year conversation.", "Yuri Ushakov", "Aide Yuri Ushakov", "", storyline.Direct}},
		},
		{
			name: "quotations signed with a dash after the closing mark",
			text: "Readers wrote in after the debate.\n“He never answered the question about taxes.” ― Maria Lopez\n“The whole evening left me worried about the country.” ― Daniel Ortega Ruiz.",
			want: []want{
				{"He never answered the question about taxes.", "Maria Lopez", "Maria Lopez", "", storyline.Direct},
				{"The whole evening left me worried about the country.", "Daniel Ortega Ruiz", "Daniel Ortega Ruiz", "", storyline.Direct},
			},
		},
		{
			name: "a quotation signed on the next line",
			text: "Here are some claims from the debate.\n\n\"Almost all new income and wealth is going to the top 1 percent.\"\n\n- Bernie Sanders.\n\nThe senator is relying on an outdated statistic.",
			want: []want{{"Almost all new income and wealth is going to the top 1 percent.", "Bernie Sanders", "Bernie Sanders", "", storyline.Direct}},
		},
		{
			name: "a byline after a quote mid-sentence signs nothing",
			text: `Rajoy said Monday that his party was "still the No. 1 force in Spain."--Kim Hjelmgaard.`,
			want: []want{{"still the No. 1 force in Spain.", "Rajoy", "Rajoy", "said", storyline.Direct}},
		},
		{
			name: "a cue inverted after a comma takes the name after it, not one before",
			text: `Europe's leaders met on Monday. The vote signals "the beginning of the end" for the EU, said Geert Wilders, founder of the Party for Freedom.`,
			want: []want{{"the beginning of the end", "Geert Wilders", "Geert Wilders", "said", storyline.Direct}},
		},
		{
			name: "whoever is told is not the speaker",
			text: `"We are going to win this state," Lindsey Graham, a former candidate, told CBS News.`,
			want: []want{{"We are going to win this state,", "Lindsey Graham", "Lindsey Graham", "told", storyline.Direct}},
		},
		{
			name: "words a source reports onwards stay the speaker's: one statement, whoever relays it",
			text: "“I ask you not to engage in any kind of protest on the floor,” Bernie Sanders said, according to CNN. “It is of utmost importance.”\n\nAccording to Yahoo News, Clinton spokesman Jesse Lehrich said that “she would sign this legislation.”",
			want: []want{
				{"I ask you not to engage in any kind of protest on the floor,", "Bernie Sanders", "Bernie Sanders", "said", storyline.Direct},
				{"It is of utmost importance.", "Bernie Sanders", "Bernie Sanders", "said", storyline.Direct},
				{"she would sign this legislation.", "Jesse Lehrich", "Jesse Lehrich", "said", storyline.Direct},
			},
		},
		{
			name: "a source in the sentence before, or the speaker's own, is no outer source",
			text: "Friends were devastated by the news, according to Tchadinfos.com. “He had so many projects,” his friend Mahamat Oumar told the website. “We will win this,” Oumar said, according to his own notes.",
			want: []want{
				{"He had so many projects,", "Mahamat Oumar", "Mahamat Oumar", "told", storyline.Direct},
				{"We will win this,", "Mahamat Oumar", "Oumar", "said", storyline.Direct},
				{"Friends were devastated by the news", "Tchadinfos", "Tchadinfos", "according to", storyline.Indirect},
			},
		},
		{
			name: "a name right before a colon introduces the quote",
			text: "Pollsters were surprised by the result.\n\nTURNOUT WAS HIGHER THAN EXPECTED - Michael McDonald: “The polls stopped too early to catch the late shift.”",
			want: []want{{"The polls stopped too early to catch the late shift.", "Michael McDonald", "Michael McDonald", "", storyline.Direct}},
		},
		{
			name: "a participle takes the subject opening its clause",
			text: `In a statement released Thursday, Rep. Hakeem Jeffries reacted to the news, saying: “This auction is a disgrace to the victim.”`,
			want: []want{{"This auction is a disgrace to the victim.", "Hakeem Jeffries", "Rep. Hakeem Jeffries", "saying", storyline.Direct}},
		},
		{
			name: "a contracted pronoun is a speaker, an expletive it's is not",
			text: "Donald Trump spoke at a Michigan rally.\n\nHe’s claiming that voting fraud is “a big, big problem in this country.” It's the old pull of the “if you like your plan, you can keep it” promise.",
			want: []want{
				{"a big, big problem in this country.", "Donald Trump", "He’s", "", storyline.Direct},
				{"if you like your plan, you can keep it", "", "", "", storyline.Direct},
			},
		},
		{
			name: "a cue in a clause opened by a conjunction after the quote is not its attribution",
			text: "Kerr Putney, the police chief, said that the footage did not give “absolute definitive visual evidence,” but he said that other evidence supports the account.\n\n“Many would consider that an embarrassment” if she lost, said David Wasserman, an analyst.",
			want: []want{
				{"absolute definitive visual evidence,", "Kerr Putney", "Kerr Putney", "said", storyline.Direct},
				{"Many would consider that an embarrassment", "David Wasserman", "David Wasserman", "said", storyline.Direct},
			},
		},
		{
			name: "it and they stand for the organisation that is the subject",
			text: `The United Nations Security Council on Friday pledged to impose sanctions as a deterrence to what it called "a clear threat to international peace and security."`,
			want: []want{{"a clear threat to international peace and security.", "United Nations Security Council", "it", "called", storyline.Direct}},
		},
		{
			name: "a name inside a prepositional phrase is not the subject",
			text: "In a Fox interview later that day, Donald Trump went even further: “If he goes forward and loses, it is the end of his career.”\n\nAmong young black voters, President Obama is rolling out a new message: \"It is about me.\"",
			want: []want{
				{"If he goes forward and loses, it is the end of his career.", "Donald Trump", "Donald Trump", "", storyline.Direct},
				{"It is about me.", "Obama", "President Obama", "", storyline.Direct},
			},
		},
		{
			name: "an adverb between the subject and the cue",
			text: `Senator Ted Cruz immediately warned that "this race is far from over."`,
			want: []want{{"this race is far from over.", "Ted Cruz", "Senator Ted Cruz", "warned", storyline.Direct}},
		},
		{
			name: "the speaker after an inverted cue stays in its sentence",
			text: "\"A state cannot avoid the conclusion that its process removes voters,\" said the ruling.\n\nIn a statement, the secretary of state disagreed.",
			want: []want{{"A state cannot avoid the conclusion that its process removes voters,", "the ruling", "the ruling", "said", storyline.Direct}},
		},
		{
			name: "a phrase set off by commas between the speaker and the cue",
			text: "“He had a lot of Missouri supporters,” Roy Blunt, after a long pause, said of Cruz. Patricia Smith, delivering the speech, asked the crowd “what difference does it make now?”",
			want: []want{
				{"He had a lot of Missouri supporters,", "Roy Blunt", "Roy Blunt", "said", storyline.Direct},
				{"what difference does it make now?", "Patricia Smith", "Patricia Smith", "asked", storyline.Direct},
			},
		},
		{
			name: "a quote paragraph takes the speaker of reported speech before it, scare quotes or not",
			text: "Foreign Ministry spokesman Lu Kang repeated that China opposed hacking.\nPeople should not wave around words like “maybe” and “perhaps”, Lu Kang told reporters.\n“This is extremely irresponsible.”",
			want: []want{{"This is extremely irresponsible.", "Lu Kang", "Lu Kang", "", storyline.Direct}},
		},
		{
			name: "a quote in a relative clause attaches to the relative pronoun, resolved to the name",
			text: "Glenn Beck, who has in the past described Trump as “a pathological narcissistic sociopath,” clearly meant him.\n\n“We are waiting for justice,” said Susan Soto, who lost her sister. “I believe the company acted irresponsibly.”",
			want: []want{
				{"a pathological narcissistic sociopath,", "Glenn Beck", "who", "described", storyline.Direct},
				{"We are waiting for justice,", "Susan Soto", "Susan Soto", "said", storyline.Direct},
				{"I believe the company acted irresponsibly.", "Susan Soto", "Susan Soto", "said", storyline.Direct},
			},
		},
		{
			name: "scare quotes and titles are not quotes",
			text: `Critics called the plan "reckless". He appeared on "Meet the Press" and warned of "severe repercussions" later.`,
			want: nil,
		},
		{
			name: "reported speech",
			text: "Peskov said that the presidents would talk again next week. According to Ushakov, the call lasted about fifty minutes. He added that Moscow hopes for the best, Ushakov says.",
			want: []want{
				{"the presidents would talk again next week.", "Peskov", "Peskov", "said", storyline.Indirect},
				{"the call lasted about fifty minutes.", "Ushakov", "Ushakov", "According to", storyline.Indirect},
				{"Moscow hopes for the best", "Ushakov", "He", "added", storyline.Indirect},
			},
		},
		{
			name: "Russian quotes, pronouns and reported speech",
			text: "Пресс-секретарь президента Дмитрий Песков заявил журналистам: «Переговоры прошли в деловой атмосфере». По его словам, стороны договорились продолжить контакты.\n\n«Никакой договорённости о встрече пока нет», — сказал он. По словам Пескова, следующий разговор пройдёт по видеосвязи.",
			want: []want{
				{"Переговоры прошли в деловой атмосфере", "Дмитрий Песков", "Дмитрий Песков", "заявил", storyline.Direct},
				{"Никакой договорённости о встрече пока нет", "Дмитрий Песков", "он", "сказал", storyline.Direct},
				{"стороны договорились продолжить контакты.", "Дмитрий Песков", "его", "По его словам", storyline.Indirect},
				{"следующий разговор пройдёт по видеосвязи.", "Дмитрий Песков", "Пескова", "По словам", storyline.Indirect},
			},
		},
		{
			name: "common-noun speakers, inverted and before the cue",
			text: "His campaign sent out an email. \"Our revolution has already changed the race.\" read the email.\n\n“My dear friends,” the conference speaker says into the camera. “I am here with people who pray for you.”",
			want: []want{
				{"Our revolution has already changed the race.", "the email", "the email", "read", storyline.Direct},
				{"My dear friends,", "the conference speaker", "the conference speaker", "says", storyline.Direct},
				{"I am here with people who pray for you.", "the conference speaker", "the conference speaker", "says", storyline.Direct},
			},
		},
		{
			name: "a name right after the quote with a verb the cue list lacks",
			text: "“This is fantastic!” beamed Donald Hartley of Madison. “We will never win that way,” Toomey grinned on Tuesday.",
			want: []want{
				{"This is fantastic!", "Donald Hartley", "Donald Hartley", "", storyline.Direct},
				{"We will never win that way,", "Toomey", "Toomey", "", storyline.Direct},
			},
		},
		{
			name: "a name and a verb after a question or exclamation",
			text: "Trump asserted that France had lost its identity.\n“France will always be France!” an angry Hollande retaliated.\n“Would it be negotiable?” Hannity pressed.\n“Is it over?” Trump asked his staff.",
			want: []want{
				{"France will always be France!", "Hollande", "Hollande", "", storyline.Direct},
				{"Would it be negotiable?", "Hannity", "Hannity", "", storyline.Direct},
				{"Is it over?", "Trump", "Trump", "asked", storyline.Direct},
				{"France had lost its identity.", "Trump", "Trump", "asserted", storyline.Indirect},
			},
		},
		{
			name: "a common noun phrase after the quote, before its cue",
			text: "\"From Day One, I made climate change a priority,\" the bespectacled, 71-year-old diplomat said in an interview.\n\n\"Will he be the next attorney general?\" a Democratic staffer in the room wondered.",
			want: []want{
				{"From Day One, I made climate change a priority,", "the bespectacled, 71-year-old diplomat", "the bespectacled, 71-year-old diplomat", "said", storyline.Direct},
				{"Will he be the next attorney general?", "a Democratic staffer", "a Democratic staffer", "wondered", storyline.Direct},
			},
		},
		{
			name: "an attribution typed inside a quotation whose closing mark is mistyped",
			text: "Speeches can be indistinguishable from remarks on the stump.\n\n“It's unusual,“ said Larry Noble, an attorney with the Campaign Legal Center.”\n\nBen Carson hoped the paper would change.\n\n“Apparently not,“ he said. “A leopard doesn't change its spots.”",
			want: []want{
				{"It's unusual,“ said Larry Noble, an attorney with the Campaign Legal Center.", "Larry Noble", "Larry Noble", "said", storyline.Direct},
				{"Apparently not,“ he said. “A leopard doesn't change its spots.", "Ben Carson", "he", "said", storyline.Direct},
			},
		},
		{
			name: "a name after 'as' is the subject of its own clause",
			text: "Still, the fact that the race “is a dead heat right now,” as Ted Cruz said on Monday, magnifies every decision. But even as Donald Trump claimed that “General Petraeus got in trouble for far less,” prosecutors disagreed.",
			want: []want{
				{"is a dead heat right now,", "Ted Cruz", "Ted Cruz", "said", storyline.Direct},
				{"General Petraeus got in trouble for far less,", "Donald Trump", "Donald Trump", "claimed", storyline.Direct},
			},
		},
		{
			name: "phrasal cues",
			text: `Bernie Sanders shot back, "Secretary Clinton called me unqualified." Her husband cut in: "Do not forget the picture you promised."`,
			want: []want{
				{"Secretary Clinton called me unqualified.", "Bernie Sanders", "Bernie Sanders", "shot back", storyline.Direct},
				{"Do not forget the picture you promised.", "Her husband", "Her husband", "cut in", storyline.Direct},
			},
		},
		{
			name: "the owner of a speech noun whose content is the quote",
			text: "Politifact did a fact-check on Donald Trump’s claim that there have been “thousands of shootings in Chicago.”\n\nHouse Speaker Paul Ryan told CNN that Ruth Ginsburg’s comments “show bias to me.”",
			want: []want{
				{"thousands of shootings in Chicago.", "Donald Trump", "Donald Trump", "", storyline.Direct},
				{"show bias to me.", "Paul Ryan", "House Speaker Paul Ryan", "told", storyline.Direct},
			},
		},
		{
			name: "mixed marks close a quotation and do not run on",
			text: "“We can say that they are comfortable speaking to one another,\" Peskov stressed.\n\n\"It was Putin who spoke about red lines,\" the Kremlin spokesman noted.",
			want: []want{
				{"We can say that they are comfortable speaking to one another,", "Peskov", "Peskov", "stressed", storyline.Direct},
				{"It was Putin who spoke about red lines,", "Peskov", "the Kremlin spokesman", "noted", storyline.Direct},
			},
		},
		{
			name: "a pronoun agrees in gender with its antecedent",
			text: `Bernie Sanders spoke after Hillary Clinton arrived in Iowa. "We will win this state," she said.`,
			want: []want{{"We will win this state,", "Hillary Clinton", "she", "said", storyline.Direct}},
		},
		{
			name: "a relative clause between the speaker and the cue",
			text: `Still, Mike Petrilli, who thinks the administration overreached with its policies, called the new law "much, much better than before."`,
			want: []want{{"much, much better than before.", "Mike Petrilli", "Mike Petrilli", "called", storyline.Direct}},
		},
		{
			name: "an apposition between the speaker and the cue",
			text: `Win Htein, a member of the party's central executive committee, said on Tuesday that according to its analysis the party had won, but "we are still counting the seats."`,
			want: []want{{"we are still counting the seats.", "Win Htein", "Win Htein", "said", storyline.Direct}},
		},
		{
			name: "a role resolved through an apposition",
			text: `Dmitry Peskov, the Kremlin spokesman, spoke on Friday. Later, "there is no reason for optimism yet," the spokesman noted.`,
			want: []want{{"there is no reason for optimism yet,", "Dmitry Peskov", "the spokesman", "noted", storyline.Direct}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkExtract(t, tt.text, tt.want) })
	}
}

// TestExtractOddInput feeds texts with quotation marks and cues at the
// edges, where index arithmetic goes wrong.
func TestExtractOddInput(t *testing.T) {
	for _, text := range []string{
		"", "\"", "“", "«", "said", "said \"", "\" said", "“”", "\"\"\"\"", "«a «b» c»",
		"continued \"a b c\"", "“a b c\" said", "\n\n“a b c\n\n“d e f", "According to", "по словам",
		"He said: \"", "\"We will win,\" he", "По его словам,",
	} {
		for _, q := range extract(text) {
			runes := []rune(text)
			if q.Start < 0 || q.End > len(runes) || q.Start > q.End || string(runes[q.Start:q.End]) != q.Text {
				t.Errorf("%q: bad quote %+v", text, q)
			}
		}
	}
}

func TestGrouperRewordingAndState(t *testing.T) {
	g := NewGrouper(GrouperOptions{})
	qs := []storyline.Quote{
		{Article: "a", Speaker: "Dmitry Peskov", Text: "Biden, in turn, spoke about his unpreparedness to recognize red lines."},
		{Article: "b", Speaker: "Peskov", Text: "unwillingness to recognise red lines"},
		{Article: "c", Speaker: "Peskov", Text: "The weather in Moscow was cold and snowy all week."},
		{Article: "d", Speaker: "Jen Psaki", Text: "unwillingness to recognise red lines"},
	}
	if err := g.Group(t.Context(), qs); err != nil {
		t.Fatal(err)
	}
	if qs[0].Statement == "" || qs[0].Statement != qs[1].Statement {
		t.Errorf("rewording not grouped: %q %q", qs[0].Statement, qs[1].Statement)
	}
	if qs[2].Statement == qs[0].Statement {
		t.Errorf("an unrelated quote joined the statement")
	}
	if qs[3].Statement == qs[1].Statement {
		t.Errorf("another speaker's words joined the statement")
	}
	if qs[1].Speaker != "Dmitry Peskov" {
		t.Errorf("surname not joined to the known full name: %q", qs[1].Speaker)
	}
	pending := g.Pending()
	if len(pending) == 0 || len(g.Pending()) != 0 {
		t.Errorf("Pending should return the changes once")
	}
	// a new grouper loaded from that state groups the same way
	st := mapState{"statements": pending}
	g2 := NewGrouper(GrouperOptions{})
	if err := g2.Load(t.Context(), st); err != nil {
		t.Fatal(err)
	}
	again := []storyline.Quote{{Article: "e", Speaker: "Peskov", Text: "his unwillingness to recognize the red lines"}}
	if err := g2.Group(t.Context(), again); err != nil {
		t.Fatal(err)
	}
	if again[0].Statement != qs[0].Statement {
		t.Errorf("after Load the rewording got %q, want %q", again[0].Statement, qs[0].Statement)
	}
}

func BenchmarkExtract(b *testing.B) {
	text := strings.Repeat(`Kremlin spokesman Dmitry Peskov spoke on Friday. "We are ready to talk to anyone," he said. According to Peskov, the talks were useful. `, 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		extract(text)
	}
}

func TestGrouperForgetsOldest(t *testing.T) {
	g := NewGrouper(GrouperOptions{MaxStatements: 2})
	qs := []storyline.Quote{
		{Article: "a", Speaker: "Peskov", Text: "red lines must be recognised by Washington"},
		{Article: "b", Speaker: "Peskov", Text: "the weather in Moscow was cold and snowy"},
		{Article: "c", Speaker: "Peskov", Text: "sanctions would be a colossal mistake for everyone"},
		{Article: "d", Speaker: "Peskov", Text: "Washington must recognise red lines"},
		{Article: "e", Speaker: "Peskov", Text: "sanctions would be a colossal mistake"},
	}
	if err := g.Group(t.Context(), qs); err != nil {
		t.Fatal(err)
	}
	if qs[3].Statement == qs[0].Statement {
		t.Errorf("a forgotten statement was matched")
	}
	if qs[4].Statement != qs[2].Statement {
		t.Errorf("a recent statement was not matched: %q vs %q", qs[4].Statement, qs[2].Statement)
	}
}
