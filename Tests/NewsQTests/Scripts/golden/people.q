-- People and titles from the seeds (answers depend on extraction).
-- 000: 尧都区委书记崔绍民.
find person where name = "崔绍民" show name, titles;
-- 002: 县委书记 … 王宏伟 主持会议.
count meeting where host = "王宏伟";
find distinct person where titles contains "书记" and county = "尧都区" and name = "崔绍民" show name;
