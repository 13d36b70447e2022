-- A tour of the newsq language over the built-in corpus.
-- Run it with:  ./newsq.sh Examples/tour.q   (or .build/release/newsq Examples/tour.q)

-- What is in the store.
.tables

-- Meetings in 临汾市; the 尧都区 ones count although the text never writes 临汾.
find meeting where city = "临汾" show name, kind, date, county;

-- Traditional characters and full-width forms fold: 臨汾 is 临汾.
count meeting where city = "臨汾";

-- Officials whose titles mention 书记, by county.
count person where titles contains "书记" by county;

-- Projects over 10亿元, largest first (a USD amount never matches a yuan literal).
find project where investment > 10亿 order by investment desc show name, investment, currency, county;

-- Everything located anywhere inside 晋中市, counted by entity field.
count meeting where place = "晋中" by county;

-- Economic indicators measured in percent.
find indicator where unit = "%" show name, value, period, city;

-- Aggregates, grouped.
sum investment of project where currency = "CNY" by county;
count distinct county of person;

-- A subquery: people who attended a meeting hosted by someone in 绛县.
find person where name in (find meeting where county = "绛县" show attendees) show name, titles
  limit 5;

-- Nulls follow SQL: meetings without a host.
count meeting where host is null;

-- Dates: a month is a period; dates without a year sort last.
find meeting where date between 2019 and 2025 show name, date order by date;

-- Where a fact came from.
why meeting 1;

-- How a statement is answered.
explain find meeting where city = "临汾" and kind = "推进会";
explain sql count person where titles contains "书记" by county;
