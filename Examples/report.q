-- A small report: meetings per city and who hosted them.
count meeting by city;
find meeting where host is not null show date, name, host order by date desc limit 10;
