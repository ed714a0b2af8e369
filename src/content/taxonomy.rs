//! The site's taxonomy: Chongqing's districts and counties, and the topics
//! articles are filed under, each with its Chinese and English name. Ingest
//! files articles by them; pages list and name them.

/// Chongqing's districts and counties with their English names.
pub const DISTRICTS: &[(&str, &str)] = &[
    ("万州区", "Wanzhou District"),
    ("黔江区", "Qianjiang District"),
    ("涪陵区", "Fuling District"),
    ("渝中区", "Yuzhong District"),
    ("大渡口区", "Dadukou District"),
    ("江北区", "Jiangbei District"),
    ("沙坪坝区", "Shapingba District"),
    ("九龙坡区", "Jiulongpo District"),
    ("南岸区", "Nan'an District"),
    ("北碚区", "Beibei District"),
    ("綦江区", "Qijiang District"),
    ("大足区", "Dazu District"),
    ("渝北区", "Yubei District"),
    ("巴南区", "Banan District"),
    ("长寿区", "Changshou District"),
    ("江津区", "Jiangjin District"),
    ("合川区", "Hechuan District"),
    ("永川区", "Yongchuan District"),
    ("南川区", "Nanchuan District"),
    ("璧山区", "Bishan District"),
    ("铜梁区", "Tongliang District"),
    ("潼南区", "Tongnan District"),
    ("荣昌区", "Rongchang District"),
    ("开州区", "Kaizhou District"),
    ("梁平区", "Liangping District"),
    ("武隆区", "Wulong District"),
    ("城口县", "Chengkou County"),
    ("丰都县", "Fengdu County"),
    ("垫江县", "Dianjiang County"),
    ("忠县", "Zhong County"),
    ("云阳县", "Yunyang County"),
    ("奉节县", "Fengjie County"),
    ("巫山县", "Wushan County"),
    ("巫溪县", "Wuxi County"),
];

/// Short forms used at the start of headlines (`江北 实施…`, `大渡口 办好…`).
pub fn district_short_names() -> Vec<&'static str> {
    DISTRICTS
        .iter()
        .map(|(zh, _)| zh.trim_end_matches(['区', '县']))
        .filter(|s| s.chars().count() >= 2)
        .collect()
}

/// English name of a district given in Chinese.
pub fn district_english(zh: &str) -> Option<&'static str> {
    DISTRICTS.iter().find(|(d, _)| *d == zh).map(|(_, en)| *en)
}

/// The topics the site files articles under, in the order pages list them.
pub const TOPIC_KEYS: &[&str] = &[
    "elderly-care",
    "employment",
    "education",
    "health",
    "housing",
    "culture",
    "governance",
    "business",
    "transport",
];

/// English names of the topics.
pub fn topic_english(key: &str) -> &'static str {
    match key {
        "elderly-care" => "Elderly care",
        "employment" => "Employment",
        "education" => "Education",
        "health" => "Health",
        "housing" => "Housing and urban renewal",
        "culture" => "Culture",
        "governance" => "Governance",
        "business" => "Business environment",
        "transport" => "Transport",
        _ => "Other",
    }
}

/// Chinese names of the topics.
pub fn topic_chinese(key: &str) -> &'static str {
    match key {
        "elderly-care" => "养老服务",
        "employment" => "就业",
        "education" => "教育",
        "health" => "医疗健康",
        "housing" => "住房与城市更新",
        "culture" => "文化",
        "governance" => "基层治理",
        "business" => "营商环境",
        "transport" => "交通出行",
        _ => "其他",
    }
}

/// The name of a topic in a site language.
pub fn topic_name(key: &str, lang: crate::lang::Lang) -> &'static str {
    lang.pick(topic_chinese(key), topic_english(key))
}
