-- Errors as the command line prints them: source, line, column, the line, a caret under the
-- offending text (in terminal cells, so Chinese text before it counts two) and a hint.
-- None of these depend on what the extractor finds.
fnd meeting where city = "临汾";
find meetng;
count meeting by cty;
find meeting where 城市 = "临汾";
find meeting where city = 临汾;
find meeting where date > 10亿;
find project where investment > 1.5万人;
find meeting where city = "临汾" and date >= 2019-02-30;
find meeting where city > "临汾";
find meeting
where name = "推进会" and
  limit 5;
