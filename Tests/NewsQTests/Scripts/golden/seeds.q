-- Whole-corpus answers: these change whenever the extractor finds more or fewer facts, so
-- regenerate with NEWSQ_UPDATE_GOLDEN=1 after extraction changes, and check them against seeds/.
count meeting by city;
find meeting where city = "臨汾" show name, date order by date;
find meeting where county = "绛县" and date like "%-05-20" show name, date, host;
