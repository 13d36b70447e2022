-- explain sql: the same question as SQL over the exported facts. The traditional literal is
-- folded to simplified, as newsq folds it. Independent of extraction.
explain sql find meeting where city = "臨汾" show name, date order by date desc limit 5;
explain sql count person where titles contains "書記" by county;
explain sql sum investment of project where investment > 10亿 by county;
