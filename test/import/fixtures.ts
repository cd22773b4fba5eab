/** Small, realistic inputs of every kind `import` reads. */

export const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbor Gazette</title>
  <link>https://www.harbor-gazette.example/</link>
  <item>
    <title>Ferry crews walk out over pay</title>
    <link>https://www.harbor-gazette.example/2021/06/ferry-strike?utm_source=rss</link>
    <guid isPermaLink="false">hg-1001</guid>
    <pubDate>Wed, 02 Jun 2021 23:30:00 -0500</pubDate>
    <dc:creator>Marta Okafor</dc:creator>
    <description>Crews walked off the job at dawn.</description>
    <content:encoded><![CDATA[<p>Ferry crews in Riverton walked off the job at dawn, stranding commuters.</p>
<p>"We will not sail until the contract is fair," said union steward Ana Ruiz.</p>
<div>Riverton's mayor called for talks.</div>]]></content:encoded>
  </item>
  <item>
    <title>Council approves AT&amp;T tower</title>
    <link>https://www.harbor-gazette.example/2021/06/tower</link>
    <pubDate>Thu, 03 Jun 2021 09:00:00 GMT</pubDate>
    <author>desk@harbor-gazette.example (City Desk)</author>
    <description>&lt;p&gt;The council approved the tower on a 5-2 vote.&lt;/p&gt;&lt;p&gt;Work starts in July.&lt;/p&gt;</description>
  </item>
</channel>
</rss>
`;

export const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Pelican Notes</title>
  <author><name>Feed Author</name></author>
  <entry>
    <title>Pelican count rises</title>
    <link rel="alternate" href="https://pelicans.example/2022/count"/>
    <id>tag:pelicans.example,2022:count</id>
    <published>2022-03-04T08:00:00+01:00</published>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The harbor pelican count rose again this spring.</p><p>Members counted <b>412</b> birds.</p></div></content>
  </entry>
  <entry>
    <title>Escaped HTML entry</title>
    <id>tag:pelicans.example,2022:escaped</id>
    <updated>2022-03-05T08:00:00Z</updated>
    <author><name>Ada Lin</name></author>
    <content type="html">&lt;p&gt;First &amp;amp; foremost.&lt;/p&gt;&lt;p&gt;Second paragraph.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Plain text entry</title>
    <id>tag:pelicans.example,2022:text</id>
    <updated>2022-03-06</updated>
    <summary>Line one of the summary.

Line two, with 5 &lt; 6.</summary>
  </entry>
</feed>
`;

export const PAGE = `<!doctype html>
<html><head>
  <title>Tidal barrier opens | Coast Weekly</title>
  <link rel="canonical" href="https://coast-weekly.example/news/tidal-barrier">
  <meta property="og:site_name" content="Coast Weekly">
  <meta property="article:published_time" content="2023-09-14T10:00:00Z">
  <meta name="author" content="Priya Natarajan">
</head><body>
  <header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/subscribe">Subscribe now</a></nav></header>
  <aside class="ad-slot">Buy cheap flights today! Limited offer on flights.</aside>
  <main><article>
    <h1>Tidal barrier opens</h1>
    <p>The new tidal barrier at Port Ellery opened on Thursday after six years of construction, protecting some 40,000 homes from storm surges along the estuary.</p>
    <p>Engineers said the steel gates, each weighing 3,000 tonnes, can be raised in under twenty minutes when forecasters warn of a surge.</p>
    <p>"This is the most important flood defence built on this coast in a generation," said regional engineer Tomas Berg at the opening ceremony.</p>
    <p>The barrier cost 410 million euros, most of it from the national flood fund, and replaces a line of earth banks that failed twice in the storms of the last decade, flooding the old town.</p>
    <p>Residents of the lower town, many of whom were evacuated in both floods, gathered on the quay to watch the first test closure, which took eighteen minutes from the alarm to the last gate.</p>
  </article></main>
  <section class="comments"><h2>Comments</h2><div class="comment">First!!! great article lol</div></section>
  <footer>© Coast Weekly. All rights reserved. Privacy policy. Cookie settings.</footer>
</body></html>
`;

export const NAV_ONLY_PAGE = `<!doctype html><html><head><title>Home</title></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/about">About</a></nav>
<footer>© 2023</footer></body></html>`;

export const JSONL = [
  { headline: 'Bridge closed for repairs', published: '2024-02-01', link: 'https://city.example/bridge', content: 'The old bridge closed on Monday.\n\nRepairs will take a month.', writer: { name: 'Li Wei' } },
  { headline: 'Library extends hours', published: '1 February 2024', link: 'https://city.example/library', content: '<p>The library will open until 9 pm.</p><p>Staff welcomed the change.</p>' },
]
  .map((r) => JSON.stringify(r))
  .join('\n');

export const CSV = `headline;published;link;content
Market day returns;2024-03-02;https://town.example/market;"Stalls returned to the square on Saturday.

Traders said trade was brisk."
"Quote ""test"" title";March 3, 2024;https://town.example/quote;A single paragraph body.
`;
