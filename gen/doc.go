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
//     to its own sources ("Ines Calardin, 54, a nurse, said the aid never
//     came"; "According to …, police closed …"). The truth lists every
//     one with its speaker; opinions ("believes", "fears") are not quotes.
//   - Only copies share long runs of words: reports of other events, and
//     independent reports of one event, word things their own way, and
//     an invented source's name breaks every stretch longer than nine
//     words (see spread.go). Quotations of one speaker repeat within an
//     event, as they do in real reports.
//   - Texts run from about 1 KB to 8 KB, median near 2.5 KB.
//
// The same Options always give the same bytes. Generation streams: memory
// holds only the events whose articles have not all been delivered.
package gen
