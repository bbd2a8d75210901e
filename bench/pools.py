"""What synthetic forums are made of: names, organisations, positions, rooms, session titles.

The pools follow the forums forumdesk is built for (see shared/DESIGN.md): attendees from
government bodies, intergovernmental organisations, businesses, marketplaces, rights holders and
experts, mostly from Kazakhstan, Russia and their neighbours, with Russian and Kazakh names
(family name, given name, patronymic) and Latin names from further away.
"""

from __future__ import annotations

from forumdesk.db.enums import Sector

# --- people -----------------------------------------------------------------------------------

# Russian and Kazakh family names in their male form; the female form is made by _feminine().
FAMILY_NAMES = (
    "Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов",
    "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
    "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
    "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв",
    "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв",
    "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев",
    "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев",
    "Герасимов", "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков", "Миронов",
    "Крылов", "Куликов", "Карпов", "Власов", "Мельников", "Денисов", "Гаврилов", "Тихонов",
    "Казаков", "Афанасьев", "Данилов", "Савельев", "Тимофеев", "Фомин", "Чернов", "Абрамов",
    "Нурпеисов", "Ахметов", "Жумабаев", "Касымов", "Сейткалиев", "Омаров", "Исмаилов",
    "Абдрахманов", "Байжанов", "Тлеубаев", "Муканов", "Сарсенбаев",
    "Кенжебаев", "Искаков", "Есенов", "Джаксыбеков", "Тулегенов", "Султанов", "Бекмухамедов",
    "Оспанов", "Рахимов", "Усенов", "Абенов", "Калиев", "Жаксылыков", "Каримов", "Юсупов",
    "Алиев", "Садыков", "Мамедов", "Назаров", "Турсунов", "Шарипов", "Хасанов", "Бакиров",
)
MALE_GIVEN = (
    "Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Максим", "Евгений", "Иван",
    "Михаил", "Николай", "Владимир", "Павел", "Артём", "Игорь", "Олег", "Роман", "Юрий",
    "Виктор", "Константин", "Денис", "Антон", "Григорий", "Пётр", "Илья", "Кирилл",
    "Ерлан", "Нурлан", "Асхат", "Бауыржан", "Данияр", "Ержан", "Айдар", "Серик", "Марат",
    "Арман", "Болат", "Талгат", "Канат", "Руслан", "Тимур", "Азамат", "Ильяс", "Саят",
)
FEMALE_GIVEN = (
    "Анна", "Елена", "Ольга", "Наталья", "Екатерина", "Татьяна", "Мария", "Ирина", "Светлана",
    "Юлия", "Анастасия", "Марина", "Дарья", "Ксения", "Алёна", "Виктория", "Галина", "Людмила",
    "Надежда", "Полина", "Вера", "Софья", "Алина", "Кристина", "Евгения",
    "Айгуль", "Динара", "Гульнара", "Асель", "Жанна", "Сауле", "Айжан", "Мадина", "Камила",
    "Алия", "Дана", "Жанар", "Гульмира", "Салтанат", "Ботагоз", "Арайлым", "Меруерт",
)
# Patronymics are made from these fathers' names (see patronymic()).
FATHERS = (
    "Александр", "Сергей", "Владимир", "Николай", "Иван", "Михаил", "Андрей", "Виктор", "Юрий",
    "Анатолий", "Геннадий", "Борис", "Валерий", "Пётр", "Григорий", "Олег", "Евгений",
    "Нурлан", "Серик", "Марат", "Ерлан", "Болат", "Кайрат", "Асхат", "Талгат", "Бахыт",
)
# Latin names: (given names, family names) by country.
LATIN = {
    "United Kingdom": (("James", "Oliver", "Emily", "Sarah", "Thomas", "Charlotte", "Henry"),
                       ("Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Roberts")),
    "United States": (("John", "Michael", "Jennifer", "Jessica", "David", "Ashley", "Robert"),
                      ("Johnson", "Williams", "Miller", "Davis", "Garcia", "Moore", "Clark")),
    "Germany": (("Lukas", "Anna", "Felix", "Julia", "Maximilian", "Lena", "Jonas"),
                ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner", "Becker")),
    "France": (("Louis", "Camille", "Hugo", "Léa", "Antoine", "Chloé", "Julien"),
               ("Martin", "Bernard", "Dubois", "Durand", "Lefèvre", "Moreau", "Laurent")),
    "Switzerland": (("Marco", "Laura", "Daniel", "Sandra", "Reto", "Nicole", "Urs"),
                    ("Meier", "Keller", "Huber", "Brunner", "Gerber", "Baumann", "Frei")),
    "China": (("Wei", "Li", "Jing", "Min", "Hao", "Yan", "Lei"),
              ("Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang")),
    "Turkey": (("Mehmet", "Ayşe", "Mustafa", "Fatma", "Emre", "Zeynep", "Burak"),
               ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın")),
}
# Countries of Cyrillic-named attendees (the directory keeps countries in English) with the
# Russian name an attendee list spells them with.
CYRILLIC_COUNTRIES = (
    ("Kazakhstan", "Казахстан", 60), ("Russia", "Россия", 20), ("Kyrgyzstan", "Кыргызстан", 5),
    ("Uzbekistan", "Узбекистан", 5), ("Belarus", "Беларусь", 4), ("Armenia", "Армения", 3),
    ("Tajikistan", "Таджикистан", 3),
)
COUNTRY_IN_RUSSIAN = {
    **{english: russian for english, russian, _weight in CYRILLIC_COUNTRIES},
    "United Kingdom": "Великобритания", "United States": "США", "Germany": "Германия",
    "France": "Франция", "Switzerland": "Швейцария", "China": "Китай", "Turkey": "Турция",
}
POSITIONS_RU = (
    "Главный специалист", "Ведущий специалист", "Руководитель управления", "Директор департамента",
    "Заместитель председателя", "Начальник отдела", "Советник", "Эксперт", "Юрист",
    "Старший юрист", "Партнёр", "Генеральный директор", "Руководитель направления",
    "Менеджер по защите бренда", "Заведующий кафедрой", "Профессор", "Научный сотрудник",
    "Аналитик", "Координатор программ", "Пресс-секретарь", "Таможенный инспектор",
)
POSITIONS_EN = (
    "Legal Counsel", "Senior Counsel", "Head of Brand Protection", "Programme Officer",
    "Director", "Deputy Director", "Policy Adviser", "Senior Expert", "Partner",
    "IP Enforcement Manager", "Professor", "Research Fellow", "Head of Trust & Safety",
    "Customs Liaison Officer", "Communications Officer",
)
LANGUAGE_OF_COUNTRY = {"Kazakhstan": "ru", "Germany": "de", "France": "fr", "China": "zh",
                       "Turkey": "tr"}

# --- organisations ----------------------------------------------------------------------------

# (name, sector, country, e-mail domain)
ORGANIZATIONS = (
    ("Министерство юстиции Республики Казахстан", Sector.GOVERNMENT, "Kazakhstan", "adilet.gov.kz"),
    ("Комитет государственных доходов МФ РК", Sector.GOVERNMENT, "Kazakhstan", "kgd.gov.kz"),
    ("Министерство торговли и интеграции РК", Sector.GOVERNMENT, "Kazakhstan", "mti.gov.kz"),
    ("Национальный институт интеллектуальной собственности", Sector.GOVERNMENT, "Kazakhstan",
     "kazpatent.kz"),
    ("Генеральная прокуратура РК", Sector.GOVERNMENT, "Kazakhstan", "prokuror.kz"),
    ("Министерство внутренних дел РК", Sector.GOVERNMENT, "Kazakhstan", "mvd.gov.kz"),
    ("Агентство по защите и развитию конкуренции", Sector.GOVERNMENT, "Kazakhstan",
     "gov.kz"),
    ("Федеральная таможенная служба", Sector.GOVERNMENT, "Russia", "customs.gov.ru"),
    ("Роспатент", Sector.GOVERNMENT, "Russia", "rupto.ru"),
    ("Министерство экономики Кыргызской Республики", Sector.GOVERNMENT, "Kyrgyzstan",
     "mineconom.gov.kg"),
    ("Кыргызпатент", Sector.GOVERNMENT, "Kyrgyzstan", "patent.kg"),
    ("Агентство по интеллектуальной собственности Узбекистана", Sector.GOVERNMENT,
     "Uzbekistan", "ima.uz"),
    ("Национальный центр интеллектуальной собственности Беларуси", Sector.GOVERNMENT,
     "Belarus", "ncip.by"),
    ("Евразийская экономическая комиссия", Sector.INTERGOVERNMENTAL, "Russia", "eecommission.org"),
    ("WIPO", Sector.INTERGOVERNMENTAL, "Switzerland", "wipo.int"),
    ("World Customs Organization", Sector.INTERGOVERNMENTAL, "Belgium", "wcoomd.org"),
    ("INTERPOL", Sector.INTERGOVERNMENTAL, "France", "interpol.int"),
    ("OECD", Sector.INTERGOVERNMENTAL, "France", "oecd.org"),
    ("EUIPO", Sector.INTERGOVERNMENTAL, "Spain", "euipo.europa.eu"),
    ("Евразийская патентная организация", Sector.INTERGOVERNMENTAL, "Russia", "eapo.org"),
    ("UNODC", Sector.INTERGOVERNMENTAL, "Austria", "un.org"),
    ("Kaspi.kz", Sector.MARKETPLACE, "Kazakhstan", "kaspi.kz"),
    ("Wildberries", Sector.MARKETPLACE, "Russia", "wildberries.ru"),
    ("Ozon", Sector.MARKETPLACE, "Russia", "ozon.ru"),
    ("Alibaba Group", Sector.MARKETPLACE, "China", "alibaba-inc.com"),
    ("Amazon EU", Sector.MARKETPLACE, "Luxembourg", "amazon.eu"),
    ("Яндекс Маркет", Sector.MARKETPLACE, "Russia", "market.yandex.ru"),
    ("Halyk Market", Sector.MARKETPLACE, "Kazakhstan", "halykmarket.kz"),
    ("Procter & Gamble", Sector.RIGHTS_HOLDER, "United States", "pg.com"),
    ("Philip Morris International", Sector.RIGHTS_HOLDER, "Switzerland", "pmi.com"),
    ("Nike", Sector.RIGHTS_HOLDER, "United States", "nike.com"),
    ("Adidas", Sector.RIGHTS_HOLDER, "Germany", "adidas.com"),
    ("L'Oréal", Sector.RIGHTS_HOLDER, "France", "loreal.com"),
    ("Unilever", Sector.RIGHTS_HOLDER, "United Kingdom", "unilever.com"),
    ("Henkel", Sector.RIGHTS_HOLDER, "Germany", "henkel.com"),
    ("Nestlé", Sector.RIGHTS_HOLDER, "Switzerland", "nestle.com"),
    ("Шоколадная фабрика «Рахат»", Sector.RIGHTS_HOLDER, "Kazakhstan", "rakhat.kz"),
    ("Ассоциация брендовладельцев РусБрэнд", Sector.RIGHTS_HOLDER, "Russia", "rusbrand.com"),
    ("Ассоциация защиты авторских прав Казахстана", Sector.CREATIVE_INDUSTRY, "Kazakhstan",
     "kazak.kz"),
    ("Казахфильм", Sector.CREATIVE_INDUSTRY, "Kazakhstan", "kazakhfilm.kz"),
    ("Российское авторское общество", Sector.CREATIVE_INDUSTRY, "Russia", "rao.ru"),
    ("Казахский национальный университет им. аль-Фараби", Sector.EXPERT, "Kazakhstan",
     "kaznu.kz"),
    ("Назарбаев Университет", Sector.EXPERT, "Kazakhstan", "nu.edu.kz"),
    ("МГУ им. М. В. Ломоносова", Sector.EXPERT, "Russia", "msu.ru"),
    ("Российская государственная академия интеллектуальной собственности", Sector.EXPERT,
     "Russia", "rgiis.ru"),
    ("Max Planck Institute for Innovation and Competition", Sector.EXPERT, "Germany",
     "ip.mpg.de"),
    ("ЮФ «Грата»", Sector.BUSINESS, "Kazakhstan", "gratanet.com"),
    ("Aequitas", Sector.BUSINESS, "Kazakhstan", "aequitas.kz"),
    ("Baker McKenzie", Sector.BUSINESS, "United States", "bakermckenzie.com"),
    ("Gowling WLG", Sector.BUSINESS, "United Kingdom", "gowlingwlg.com"),
    ("Deloitte", Sector.BUSINESS, "United Kingdom", "deloitte.com"),
    ("Национальная палата предпринимателей «Атамекен»", Sector.BUSINESS, "Kazakhstan",
     "atameken.kz"),
    ("Казахстанская ассоциация франчайзинга", Sector.BUSINESS, "Kazakhstan", "franchise.kz"),
    ("DHL Express", Sector.BUSINESS, "Germany", "dhl.com"),
    ("Казпочта", Sector.BUSINESS, "Kazakhstan", "kazpost.kz"),
    ("Хабар", Sector.MEDIA, "Kazakhstan", "khabar.kz"),
    ("Курсив", Sector.MEDIA, "Kazakhstan", "kursiv.media"),
    ("Интерфакс-Казахстан", Sector.MEDIA, "Kazakhstan", "interfax.kz"),
)
# For the many smaller firms on a large attendee list: «ТОО «Stem Suffix»».
COMPANY_FORMS = (("ТОО", "Kazakhstan"), ("АО", "Kazakhstan"), ("ООО", "Russia"),
                 ("ОсОО", "Kyrgyzstan"), ("ООО", "Uzbekistan"), ("LLP", "Kazakhstan"))
COMPANY_STEMS = (
    "Астана", "Алатау", "Сункар", "Жибек", "Нур", "Байтерек", "Тенгри", "Арман", "Береке",
    "Атлас", "Вектор", "Гарант", "Дельта", "Каспий", "Меридиан", "Орион", "Прима", "Стандарт",
    "Альфа", "Север", "Евразия", "Шёлковый путь", "Степь", "Алтын", "Самрук", "Восток",
)
COMPANY_TRADES = (
    "Трейд", "Логистик", "Фарм", "Текстиль", "Импорт", "Дистрибуция", "Консалтинг", "Групп",
    "Маркет", "Ритейл", "Медиа", "Косметикс", "Авто", "Электроникс", "Продукт", "Юрконсалт",
)
COMPANY_SECTORS = (Sector.BUSINESS, Sector.BUSINESS, Sector.BUSINESS, Sector.RIGHTS_HOLDER,
                   Sector.MARKETPLACE, Sector.CREATIVE_INDUSTRY)

# --- the programme ----------------------------------------------------------------------------

ROOM_NAMES = (
    "Главный зал «Астана»", "Зал «Есиль»", "Зал «Байтерек»", "Конференц-зал A", "Конференц-зал B",
    "Зал «Алатау»", "Зал «Хан Тенгри»", "Зал «Бурабай»", "Зал «Каспий»", "Зал «Иртыш»",
    "Переговорная 1", "Переговорная 2", "Переговорная 3", "Зал «Тараз»", "Зал «Туркестан»",
    "Зал «Отрар»", "Зал «Шымкент»", "Зал «Актау»", "Зал «Кокшетау»", "Зал «Семей»",
    "Зал «Павлодар»", "Зал «Атырау»", "Зал «Костанай»", "Зал «Караганда»", "Зал «Талдыкорган»",
    "Зал «Жезказган»", "Зал «Балхаш»", "Зал «Зайсан»", "Зал «Капшагай»", "Зал «Медеу»",
)
ROOM_CAPACITIES = (800, 350, 300, 220, 200, 180, 160, 150, 140, 120, 60, 60, 60, 120, 100)
TRACKS = (
    ("Таможня и границы", "#A8D5BA"), ("Маркетплейсы и онлайн-торговля", "#F6C28B"),
    ("Право и правоприменение", "#9CC3E4"), ("Бренды и потребители", "#E4A5C8"),
    ("Цифровые технологии", "#C7B8EA"), ("Международное сотрудничество", "#F2E394"),
)
TOPICS = (
    "Борьба с контрафактом на маркетплейсах", "Таможенный контроль товаров, нарушающих права",
    "Цифровая маркировка и прослеживаемость", "Защита товарных знаков в ЕАЭС",
    "Онлайн-пиратство и блокировка сайтов", "Поддельные лекарства: угроза здоровью",
    "Контрафактные запчасти и безопасность на дорогах", "Роль потребителя в борьбе с подделками",
    "Уголовная ответственность за контрафакт", "Судебная практика по делам об ИС",
    "Параллельный импорт: итоги и перспективы", "Искусственный интеллект против подделок",
    "Сотрудничество правообладателей и платформ", "Экспресс-доставка и мелкие отправления",
    "Counterfeit goods in cross-border e-commerce", "Brand protection on social media",
    "Customs recordation of IP rights", "Notice-and-takedown that works",
    "IP enforcement in the Eurasian Economic Union", "Data sharing between platforms and brands",
)
ANGLES = (
    "практика Казахстана", "опыт стран ЕАЭС", "взгляд бизнеса", "вопросы регулирования",
    "новые инструменты", "что изменилось за год", "кейсы и решения", "региональный аспект",
    "international practice", "lessons learned", "the way forward", "tools and data",
)
DESCRIPTIONS = (
    "Обсуждение практики, трудностей и предложений по совершенствованию законодательства.",
    "Эксперты и представители государственных органов делятся опытом и кейсами.",
    "Panel discussion with rights holders, platforms and enforcement agencies.",
    None,
)
