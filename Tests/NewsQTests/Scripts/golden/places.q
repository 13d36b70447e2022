-- Place-aware comparison over the seeds (answers depend on extraction).
-- 000: 尧都区委书记崔绍民, 区委副书记、区长任俊杰, 区委副书记刘磊 (尧都区, 临汾市).
find person where county = "尧都" and name in ("崔绍民", "任俊杰") show name, county order by name;
-- 002: 绛县 (运城市) 县委书记王宏伟 主持 the 5月20日 meeting; traditional literal 絳縣.
find person where county = "絳縣" and name = "王宏伟" show name, city, county;
-- 001 is written in traditional characters (臨汾); the facts are stored simplified.
count indicator where place = "臨汾" and name = "GDP增速" and value = 7.6%;
