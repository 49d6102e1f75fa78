// Package gen generates a deterministic stream of synthetic news with its
// ground truth, for benchmarks (`storyline bench`) and for checking the
// engine at scale (`storyline gen`).
//
// Every article is in the common article form {id, title, text, lang, date,
// source, url} and carries its truth: cluster (the event it reports, so
// that ../shared/tools/score_clusters.py scores a clustering against the
// file directly), story, copy_of and copy_kind for copies, quotes with
// their speakers, and the boilerplate paragraphs its outlet wrapped it in.
//
// The stream is shaped like real news rather than like a uniform sample:
//
//   - Events belong to stories that develop over weeks (a strike, its
//     mediation, its settlement); eight kinds of story recur in hundreds of
//     invented towns, so look-alike events of one kind happen in different
//     places and share their vocabulary.
//   - Event sizes are heavy-tailed: most events are reported once, a few
//     by hundreds of articles. Stories that keep going come back more often.
//   - Publication is bursty: events start less often at night and at
//     weekends, their articles cluster in the hours after, follow-ups come
//     days later. Arrival order is publication order plus a little jitter,
//     except for about 5% of articles delayed by one to seven days.
//   - About 15% of articles are in Russian: stories set in Russian-speaking
//     towns, and Russian-language outlets reporting other stories.
//   - Outlets: three wire agencies with datelines ("HARTMOOR, May 4
//     (Pressline) —"), forty papers and twelve Russian sites, each with its
//     own boilerplate (ad-blocker pleas, "Read also: …", "Source link",
//     subscribe lines).
//   - About 15% of articles are copies of an earlier article of the same
//     event: duplicates (the same body in another outlet's boilerplate),
//     near-duplicates (a paragraph dropped, words changed) and partial
//     copies (two or three paragraphs inside an article of their own).
//   - Quotes are direct (straight and curly marks, «ёлочки», quotes broken
//     by their attribution), worded once per event, and indirect: the
//     story's people's statements ("…, the mayor, said that …"), worded
//     by each reporter, and the reactions and facts an article attributes
//     to its own sources ("Nurse Ines Calardin, 54, said the aid never
//     came"; "Each affected family, Ines K. Calardin, a spokesperson,
//     said, will receive …"). At most one attribution per sentence; the
//     truth lists every statement with its speaker, an interrupted one in
//     its two parts; opinions ("believes", "fears") are not quotes.
//   - Reporters word things their own way: every lead, fact and
//     background sentence comes in many shapes (text_*.go): the time,
//     place and cause in different places, the story's people and things
//     named in different ways ("the {P} docks", "the port authority",
//     "union leader Ines Calardin"), attributions present or not. Once a
//     body is written, its own words (not quotations, not names) are
//     chosen again from a lexicon of news wordings ("shut"/"closed",
//     "6,658"/"about 6,700", "%"/"per cent"), partly by the outlet's house
//     style (see vary.go), which also decides how it writes the day
//     ("on Tuesday", "Tuesday", "late on Tuesday"). Long sentences carry
//     a named source or a parenthesis between their clauses. Stock
//     phrases of look-alike events still meet: about 0.06 pairs of
//     independent articles per article share a run of 12 words in a
//     3,000-article stream (TestSharedRuns), about a third of them within
//     one event, where every copy shares one with its original.
//   - Stories of one kind keep to different towns for a few months (600
//     towns, 80 Russian-speaking), and a takeover or a central bank names
//     its own company or country, so that two stories of a kind read
//     apart by their places, people and firms.
//   - Texts run from about 1 KB to 8 KB, median near 2.5 KB.
//
// The same Options always give the same bytes. Generation streams: memory
// holds only the events whose articles have not all been delivered.
package gen
