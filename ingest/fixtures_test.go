package ingest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"
	"testing"
)

// pageHTML is an invented news page: navigation, an article of several
// paragraphs, a related-links box and a footer.
func pageHTML(title, date string, paras ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s | Harbour Gazette</title>
<meta property="og:title" content="%s"><meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="%s"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article><h1>%s</h1><p class="byline">By Ada Brook</p>`, title, title, date, title)
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString(`</article><aside><h3>Related</h3><ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul></aside></main>
<footer><p>© Harbour Gazette. All rights reserved.</p><a href="/privacy">Privacy</a></footer></body></html>`)
	return b.String()
}

// harbourParas are invented article paragraphs.
var harbourParas = []string{
	"The harbour authority of Port Ellis approved on Tuesday a plan to deepen the main channel, a project that has been debated for more than a decade by the town council and local fishermen.",
	"Under the plan, dredging will begin next spring and take about eighteen months, the authority's chair, Miriam Olsen, told reporters after the vote. The cost is estimated at forty million euros.",
	"Fishermen's associations said they feared the work would disturb spawning grounds in the bay, and asked for an independent study before any machines arrive in the harbour.",
	"\"We are not against progress, but we want to be sure our grounds survive it,\" said Tomas Berg, who has fished out of Port Ellis for thirty years.",
}

// rssFeed is an invented RSS feed with two articles and one empty item.
const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Valley Courier</title><link>https://valley.example/</link><language>en-gb</language>
<item><title>Bridge reopens after repairs</title><link>https://valley.example/bridge</link><guid>valley-101</guid>
<pubDate>Tue, 07 Dec 2021 09:30:00 GMT</pubDate>
<description><![CDATA[<p>The old stone bridge over the Wend reopened on Monday after six months of repairs.</p><p>Traffic will be limited to cars for now, the council said.</p>]]></description></item>
<item><title>School wins science prize</title><link>https://valley.example/school</link>
<pubDate>Wed, 08 Dec 2021 14:00:00 GMT</pubDate>
<description>Pupils of Millbrook school won the regional science prize with a study of river insects.</description></item>
<item><title>Empty</title><link>https://valley.example/empty</link><guid>valley-103</guid><description></description></item>
</channel></rss>`

// warcPlain returns one uncompressed WARC record.
func warcPlain(typ, target, payload string) []byte {
	var rec bytes.Buffer
	fmt.Fprintf(&rec, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2021-12-17T10:00:00Z\r\n"+
		"WARC-Record-ID: <urn:uuid:%08d-0000-4000-8000-000000000000>\r\nContent-Type: application/http; msgtype=response\r\n"+
		"Content-Length: %d\r\n\r\n%s\r\n\r\n", typ, target, len(payload), len(payload), payload)
	return rec.Bytes()
}

// warcMember returns one gzip member holding a WARC record, as .warc.gz
// files store them.
func warcMember(t testing.TB, typ, target, payload string) []byte {
	t.Helper()
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	if _, err := zw.Write(warcPlain(typ, target, payload)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// httpResponse is an HTTP response as a WARC response record holds it.
func httpResponse(contentType, body string) string {
	return fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", contentType, len(body), body)
}

// testWARC is a gzipped WARC: a warcinfo-like request record, two HTML
// responses and an image response.
func testWARC(t testing.TB) []byte {
	var b bytes.Buffer
	b.Write(warcMember(t, "request", "https://news.example.com/harbour", "GET /harbour HTTP/1.1\r\nHost: news.example.com\r\n\r\n"))
	b.Write(warcMember(t, "response", "https://www.news.example.com/harbour",
		httpResponse("text/html; charset=utf-8", pageHTML("Port Ellis approves dredging plan", "2021-12-14T08:00:00Z", harbourParas...))))
	b.Write(warcMember(t, "response", "https://news.example.com/logo.png", httpResponse("image/png", "\x89PNG\r\n\x1a\n")))
	b.Write(warcMember(t, "response", "https://news.example.com/second",
		httpResponse("text/html", pageHTML("Fishermen ask for study", "2021-12-15", harbourParas[2], harbourParas[3], harbourParas[0]))))
	return b.Bytes()
}
