<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_US">
<context>
    <name>AppContext</name>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="131"/>
        <source>name</source>
        <translation>название</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="132"/>
        <source>seats</source>
        <translation>места</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="133"/>
        <source>notes</source>
        <translation>примечания</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="134"/>
        <source>colour</source>
        <translation>цвет</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="135"/>
        <source>city</source>
        <translation>город</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="136"/>
        <source>venue</source>
        <translation>место проведения</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="137"/>
        <source>first day</source>
        <translation>первый день</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="138"/>
        <source>last day</source>
        <translation>последний день</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="139"/>
        <source>time zone</source>
        <translation>часовой пояс</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="140"/>
        <source>organisers</source>
        <translation>организаторы</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="141"/>
        <source>description</source>
        <translation>описание</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="142"/>
        <source>changeover time</source>
        <translation>время на переход</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="143"/>
        <source>one-sector panel warning</source>
        <translation>предупреждение о панели из одного сектора</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="157"/>
        <source>Edit event: {0}</source>
        <translation>изменение мероприятия: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="173"/>
        <source>New event {0}</source>
        <translation>создание мероприятия «{0}»</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="223"/>
        <source>Edit {0}: {1}</source>
        <translation>изменение: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="236"/>
        <source>Rename room {0} to {1}</source>
        <translation>переименование зала «{0}» в «{1}»</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="236"/>
        <source>Rename track {0} to {1}</source>
        <translation>переименование трека «{0}» в «{1}»</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="238"/>
        <source>Edit room {0}: {1}</source>
        <translation>изменение зала «{0}»: {1}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="238"/>
        <source>Edit track {0}: {1}</source>
        <translation>изменение трека «{0}»: {1}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="256"/>
        <source>Cancel {0}</source>
        <translation>объявление об отмене: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="256"/>
        <source>Reinstate {0}</source>
        <translation>возвращение в программу: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="489"/>
        <source>New session {0}</source>
        <translation>создание сессии «{0}»</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="625"/>
        <source>New person {0}</source>
        <translation>добавление участника: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="802"/>
        <location filename="../../forumdesk/ui/commands.py" line="807"/>
        <source>Add room {0}</source>
        <translation>добавление зала «{0}»</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="832"/>
        <source>Delete room {0}</source>
        <translation>удаление зала «{0}»</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="911"/>
        <source>Reorder rooms</source>
        <translation>изменение порядка залов</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="929"/>
        <source>Reorder tracks</source>
        <translation>изменение порядка треков</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="937"/>
        <location filename="../../forumdesk/ui/commands.py" line="942"/>
        <source>Add track {0}</source>
        <translation>добавление трека «{0}»</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/commands.py" line="967"/>
        <source>Delete track {0}</source>
        <translation>удаление трека «{0}»</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/problems.py" line="153"/>
        <source>Accept problem: {0}</source>
        <translation>принятие проблемы: {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/problems.py" line="154"/>
        <source>Accept %n problems</source>
        <translation>
            <numerusform>принятие %n проблемы</numerusform>
            <numerusform>принятие %n проблем</numerusform>
            <numerusform>принятие %n проблем</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/problems.py" line="159"/>
        <source>Un-accept problem: {0}</source>
        <translation>снятие отметки «принято»: {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/problems.py" line="160"/>
        <source>Un-accept %n problems</source>
        <translation>
            <numerusform>снятие отметки «принято»: %n проблема</numerusform>
            <numerusform>снятие отметки «принято»: %n проблемы</numerusform>
            <numerusform>снятие отметки «принято»: %n проблем</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation type="vanished">изменение мероприятия</translation>
    </message>
    <message>
        <source>Edit {0}</source>
        <translation type="vanished">изменение: {0}</translation>
    </message>
    <message>
        <source>Edit room {0}</source>
        <translation type="vanished">изменение зала «{0}»</translation>
    </message>
    <message>
        <source>Edit track {0}</source>
        <translation type="vanished">изменение трека «{0}»</translation>
    </message>
</context>
<context>
    <name>AssignToSessionDialog</name>
    <message>
        <location filename="../../forumdesk/ui/assign_dialog.py" line="63"/>
        <source>Assign one person to a session</source>
        <translation>Включить одного человека в сессию</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/assign_dialog.py" line="65"/>
        <source>Assign %n people to a session</source>
        <translation>
            <numerusform>Включить в сессию %n человека</numerusform>
            <numerusform>Включить в сессию %n человек</numerusform>
            <numerusform>Включить в сессию %n человек</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/assign_dialog.py" line="71"/>
        <source>Filter by code, title, room, moderator…</source>
        <translation>Фильтр по коду, названию, залу, модератору…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/assign_dialog.py" line="79"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/assign_dialog.py" line="79"/>
        <source>Session</source>
        <translation>Сессия</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/assign_dialog.py" line="79"/>
        <source>When</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/assign_dialog.py" line="79"/>
        <source>Room</source>
        <translation>Зал</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/assign_dialog.py" line="115"/>
        <source>No session matches the filter.</source>
        <translation>Ни одна сессия не подходит под фильтр.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/assign_dialog.py" line="121"/>
        <source>Assign</source>
        <translation>Включить</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/assign_dialog.py" line="127"/>
        <source>&amp;Role:</source>
        <translation>&amp;Роль:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/assign_dialog.py" line="130"/>
        <source>&amp;Session:</source>
        <translation>&amp;Сессия:</translation>
    </message>
</context>
<context>
    <name>AssignmentDraftTableModel</name>
    <message>
        <location filename="../../forumdesk/ui/assignment_draft_model.py" line="36"/>
        <source>Name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/assignment_draft_model.py" line="37"/>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/assignment_draft_model.py" line="38"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/assignment_draft_model.py" line="39"/>
        <source>Also at this time</source>
        <translation>В это же время</translation>
    </message>
</context>
<context>
    <name>BadgesDialog</name>
    <message>
        <location filename="../../forumdesk/ui/badges_dialog.py" line="63"/>
        <source>Table tents</source>
        <translation>Таблички на стол</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/badges_dialog.py" line="63"/>
        <source>Badges</source>
        <translation>Бейджи</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/badges_dialog.py" line="65"/>
        <source>For whom</source>
        <translation>Для кого</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/badges_dialog.py" line="69"/>
        <source>Moderators and speakers of every session</source>
        <translation>Модераторы и спикеры всех сессий</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/badges_dialog.py" line="71"/>
        <source>Everyone registered for the event</source>
        <translation>Все зарегистрированные на мероприятие</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/badges_dialog.py" line="75"/>
        <source>One session&apos;s table</source>
        <translation>Стол одной сессии</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/badges_dialog.py" line="75"/>
        <source>The people of one session</source>
        <translation>Участники одной сессии</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/badges_dialog.py" line="90"/>
        <source>The %n people selected on the People page</source>
        <translation>
            <numerusform>%n человек, выбранный на странице «Люди»</numerusform>
            <numerusform>%n человека, выбранных на странице «Люди»</numerusform>
            <numerusform>%n человек, выбранных на странице «Люди»</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/badges_dialog.py" line="114"/>
        <source>Layout and language</source>
        <translation>Макет и язык</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/badges_dialog.py" line="119"/>
        <source>A6, one badge per page</source>
        <translation>A6, один бейдж на странице</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/badges_dialog.py" line="120"/>
        <source>90 × 55 mm cards, 10 per A4, with crop marks</source>
        <translation>Карточки 90 × 55 мм, 10 на A4, с метками реза</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/badges_dialog.py" line="121"/>
        <source>A6 badges, 4 per A4</source>
        <translation>Бейджи A6, 4 на A4</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/badges_dialog.py" line="132"/>
        <source>Each person&apos;s role in the programme</source>
        <translation>Роль каждого в программе</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/badges_dialog.py" line="134"/>
        <source>Staff</source>
        <translation>Оргкомитет</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/badges_dialog.py" line="135"/>
        <source>Press</source>
        <translation>Пресса</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/badges_dialog.py" line="136"/>
        <source>Participant</source>
        <translation>Участник</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/badges_dialog.py" line="139"/>
        <source>&amp;Layout:</source>
        <translation>&amp;Макет:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/badges_dialog.py" line="140"/>
        <source>L&amp;anguage:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/badges_dialog.py" line="141"/>
        <source>&amp;Role band:</source>
        <translation>&amp;Полоса роли:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/badges_dialog.py" line="147"/>
        <source>Write PDF…</source>
        <translation>Записать PDF…</translation>
    </message>
</context>
<context>
    <name>ChangeTableModel</name>
    <message>
        <location filename="../../forumdesk/ui/changes_table_model.py" line="78"/>
        <source>Session</source>
        <translation>Сессия</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_table_model.py" line="78"/>
        <source>What changed</source>
        <translation>Что изменилось</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_table_model.py" line="78"/>
        <source>People</source>
        <translation>Люди</translation>
    </message>
</context>
<context>
    <name>ChangesDock</name>
    <message>
        <location filename="../../forumdesk/ui/changes_dock.py" line="64"/>
        <location filename="../../forumdesk/ui/changes_dock.py" line="124"/>
        <source>Changes</source>
        <translation>Изменения</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_dock.py" line="70"/>
        <source>All kinds</source>
        <translation>Все виды</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_dock.py" line="80"/>
        <source>Session or person…</source>
        <translation>Сессия или человек…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_dock.py" line="111"/>
        <source>Save for mail merge…</source>
        <translation>Сохранить для рассылки…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_dock.py" line="113"/>
        <source>Save their new agendas…</source>
        <translation>Сохранить их новые программы…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_dock.py" line="125"/>
        <source>People to tell</source>
        <translation>Кого известить</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_dock.py" line="128"/>
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_dock.py" line="128"/>
        <source>To:</source>
        <translation>По:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_dock.py" line="164"/>
        <source>the latest version</source>
        <translation>последней версии</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_dock.py" line="165"/>
        <location filename="../../forumdesk/ui/changes_dock.py" line="237"/>
        <source>now</source>
        <translation>сейчас</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_dock.py" line="167"/>
        <location filename="../../forumdesk/ui/changes_dock.py" line="230"/>
        <location filename="../../forumdesk/ui/changes_dock.py" line="235"/>
        <source>version {0}</source>
        <translation>версия {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_dock.py" line="232"/>
        <source>the start (nothing published yet)</source>
        <translation>начала (ещё ничего не опубликовано)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_dock.py" line="240"/>
        <source>From {0} to {1}: {2} changes, {3} people to tell.</source>
        <translation>С «{0}» по «{1}»: изменений — {2}, известить — {3} чел.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_dock.py" line="256"/>
        <source>Save the people to tell</source>
        <translation>Сохранить список для рассылки</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_dock.py" line="258"/>
        <source>CSV file (*.csv)</source>
        <translation>Файл CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_dock.py" line="270"/>
        <location filename="../../forumdesk/ui/changes_dock.py" line="312"/>
        <source>The file could not be written: {0}</source>
        <translation>Не удалось записать файл: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_dock.py" line="283"/>
        <source>Save their new agendas</source>
        <translation>Сохранение новых личных программ</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_dock.py" line="285"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_dock.py" line="295"/>
        <source>Writing the agendas…</source>
        <translation>Запись программ…</translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="244"/>
        <source>Mark arrival for:</source>
        <translation>Отмечать приход на:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="252"/>
        <source>Export attendance…</source>
        <translation>Выгрузить посещаемость…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="257"/>
        <source>Scan a badge, or type a few letters of a name</source>
        <translation>Отсканируйте бейдж или введите несколько букв имени</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="276"/>
        <source>Register and check in</source>
        <translation>Зарегистрировать и отметить приход</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="318"/>
        <source>The event (today)</source>
        <translation>Мероприятие (сегодня)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="341"/>
        <source>Arrived today: {0} of {1} registered</source>
        <translation>Пришли сегодня: {0} из {1} зарегистрированных</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="360"/>
        <source>Welcome: checked in at {0}</source>
        <translation>Добро пожаловать: приход отмечен в {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="362"/>
        <source>Already checked in at {0}</source>
        <translation>Приход уже отмечен в {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="364"/>
        <source>(desk {0})</source>
        <translation>(рабочее место {0})</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="366"/>
        <source>Not registered for this event.</source>
        <translation>Не зарегистрирован на это мероприятие.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="368"/>
        <source>This code is not a badge of this event. Type the person&apos;s name instead.</source>
        <translation>Этот код — не бейдж этого мероприятия. Введите вместо него имя участника.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="410"/>
        <location filename="../../forumdesk/ui/checkin_page.py" line="420"/>
        <location filename="../../forumdesk/ui/checkin_page.py" line="447"/>
        <location filename="../../forumdesk/ui/checkin_page.py" line="491"/>
        <source>Check in</source>
        <translation>Отметка прихода</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="424"/>
        <location filename="../../forumdesk/ui/checkin_page.py" line="450"/>
        <source>Check in {0}</source>
        <translation>отметка прихода: {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/checkin_page.py" line="435"/>
        <source>Saving %n scan(s): the database is busy, keep scanning…</source>
        <translation>
            <numerusform>Сохраняется %n скан: база данных занята, продолжайте сканировать…</numerusform>
            <numerusform>Сохраняются %n скана: база данных занята, продолжайте сканировать…</numerusform>
            <numerusform>Сохраняются %n сканов: база данных занята, продолжайте сканировать…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="469"/>
        <source>No one of that name. Check the spelling, or register them.</source>
        <translation>Никого с таким именем нет. Проверьте написание или зарегистрируйте участника.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="499"/>
        <source>not registered</source>
        <translation>не зарегистрирован</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="501"/>
        <source>arrived at {0}</source>
        <translation>пришёл в {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="519"/>
        <source>Register and check in {0}</source>
        <translation>регистрация и отметка прихода: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="527"/>
        <source>Register {0}</source>
        <translation>регистрация: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="553"/>
        <location filename="../../forumdesk/ui/checkin_page.py" line="569"/>
        <location filename="../../forumdesk/ui/checkin_page.py" line="573"/>
        <source>Export attendance</source>
        <translation>Выгрузка посещаемости</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="555"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Книга Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="574"/>
        <source>{0} arrivals written to {1}.</source>
        <translation>Записано приходов: {0}, файл {1}.</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="65"/>
        <source>Check</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="67"/>
        <source>What the import would do, and the rows it cannot use. Nothing has been changed yet.</source>
        <translation>Что сделает импорт и какие строки он не сможет использовать. Пока ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="79"/>
        <source>Update: fill in what is blank</source>
        <translation>Дополнить: заполнить пустые поля</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="80"/>
        <source>Overwrite with the file&apos;s values</source>
        <translation>Заменить значениями из файла</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="81"/>
        <source>Skip: leave them as they are</source>
        <translation>Пропустить: оставить как есть</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="82"/>
        <source>Add as new (unless the e-mail is known)</source>
        <translation>Добавить как новых (если эл. почта неизвестна)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="94"/>
        <source>Sheet</source>
        <translation>Лист</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="94"/>
        <location filename="../../forumdesk/ui/import_wizard.py" line="100"/>
        <location filename="../../forumdesk/ui/import_wizard.py" line="112"/>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="94"/>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="94"/>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="100"/>
        <source>In the file</source>
        <translation>В файле</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="100"/>
        <source>Perhaps the same as</source>
        <translation>Возможно, совпадает с</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="100"/>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="104"/>
        <source>Same e-mail, another name: choose which name each person keeps.</source>
        <translation>Тот же e-mail, другое имя: выберите, какое имя останется у каждого.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="113"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="114"/>
        <source>Name stored</source>
        <translation>Имя в справочнике</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="115"/>
        <source>Name in the file</source>
        <translation>Имя в файле</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="116"/>
        <source>Keep</source>
        <translation>Оставить</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="120"/>
        <source>Keep all the &amp;stored names</source>
        <translation>Оставить все имена из &amp;справочника</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="122"/>
        <source>Take all the &amp;file&apos;s names</source>
        <translation>Взять все имена из &amp;файла</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="141"/>
        <source>Import the valid rows and write the others to a rejects file:</source>
        <translation>Импортировать правильные строки, а остальные записать в файл отклонённых:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="145"/>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="147"/>
        <source>Check &amp;again</source>
        <translation>Проверить &amp;снова</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="153"/>
        <source>Already in the database:</source>
        <translation>Уже есть в базе:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="160"/>
        <source>Rows with problems:</source>
        <translation>Строки с проблемами:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="162"/>
        <source>Possible duplicates (not merged):</source>
        <translation>Возможные дубликаты (не объединены):</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="185"/>
        <source>Checking the file</source>
        <translation>Проверка файла</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="185"/>
        <source>Reading and checking every row…</source>
        <translation>Чтение и проверка всех строк…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="190"/>
        <source>The check was cancelled; press Check again.</source>
        <translation>Проверка отменена; нажмите «Проверить снова».</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="224"/>
        <source>{0} (row {1})</source>
        <translation>{0} (строка {1})</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/import_wizard.py" line="241"/>
        <source>%n row(s) cannot be imported. Correct them in the file and check again, or tick “Import the valid rows”.</source>
        <translation>
            <numerusform>%n строку нельзя импортировать. Исправьте её в файле и проверьте снова или отметьте «Импортировать правильные строки».</numerusform>
            <numerusform>%n строки нельзя импортировать. Исправьте их в файле и проверьте снова или отметьте «Импортировать правильные строки».</numerusform>
            <numerusform>%n строк нельзя импортировать. Исправьте их в файле и проверьте снова или отметьте «Импортировать правильные строки».</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="262"/>
        <source>the stored name</source>
        <translation>имя из справочника</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="263"/>
        <source>the file&apos;s name</source>
        <translation>имя из файла</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="309"/>
        <source>Write the rejected rows to</source>
        <translation>Записать отклонённые строки в</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="311"/>
        <source>Excel or CSV (*.xlsx *.csv)</source>
        <translation>Excel или CSV (*.xlsx *.csv)</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="335"/>
        <location filename="../../forumdesk/ui/import_wizard.py" line="409"/>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="337"/>
        <source>&amp;Import</source>
        <translation>&amp;Импортировать</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="341"/>
        <source>Nothing is changed until you press Import, and then everything is written at once or, if anything fails or you cancel, nothing at all. Edit &gt; Undo takes the whole import back in one step, until forumdesk is closed.</source>
        <translation>Пока вы не нажмёте «Импортировать», ничего не меняется; затем всё записывается сразу, а если что-то не удастся или вы прервёте импорт, не записывается ничего. Команда «Правка &gt; Отменить» отменяет весь импорт за один шаг — до закрытия forumdesk.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="350"/>
        <source>Make a backup copy of the database first (it stays after forumdesk is closed)</source>
        <translation>Сначала сделать резервную копию базы (она останется и после закрытия forumdesk)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="369"/>
        <source>the directory only</source>
        <translation>только справочник</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="371"/>
        <source>Import «{0}» into «{1}».</source>
        <translation>Импорт «{0}» в «{1}».</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="379"/>
        <source>Same e-mail, another name: the file&apos;s name is taken for {0} of {1} people; the others keep the name they have.</source>
        <translation>Тот же e-mail, другое имя: имя из файла берётся для {0} из {1} человек; у остальных остаётся прежнее имя.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/import_wizard.py" line="386"/>
        <source>%n row(s) with problems will be left out and written to {0}.</source>
        <translation>
            <numerusform>%n строка с проблемами будет пропущена и записана в {0}.</numerusform>
            <numerusform>%n строки с проблемами будут пропущены и записаны в {0}.</numerusform>
            <numerusform>%n строк с проблемами будут пропущены и записаны в {0}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="397"/>
        <source>Importing</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="398"/>
        <source>Importing the rows…</source>
        <translation>Импорт строк…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="404"/>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>Импорт прерван; ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="417"/>
        <source>Nothing was written: go back and check the file again.</source>
        <translation>Ничего не записано: вернитесь назад и проверьте файл снова.</translation>
    </message>
    <message>
        <source>An import cannot be undone with Edit &gt; Undo. Nothing is changed until you press Import, and then everything is written at once or, if anything fails or you cancel, nothing at all.</source>
        <translation type="vanished">Импорт нельзя отменить командой «Правка &gt; Отменить». Пока вы не нажмёте «Импортировать», ничего не меняется; затем всё записывается сразу, а если что-то не удастся или вы прервёте импорт, не записывается ничего.</translation>
    </message>
    <message>
        <source>Make a backup copy of the database first</source>
        <translation type="vanished">Сначала сделать резервную копию базы</translation>
    </message>
</context>
<context>
    <name>DatabaseActions</name>
    <message>
        <location filename="../../forumdesk/ui/database_actions.py" line="62"/>
        <location filename="../../forumdesk/ui/database_actions.py" line="164"/>
        <location filename="../../forumdesk/ui/database_actions.py" line="172"/>
        <location filename="../../forumdesk/ui/database_actions.py" line="222"/>
        <source>Open database</source>
        <translation>Открыть базу данных</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/database_actions.py" line="63"/>
        <source>The file {0} is empty (0 bytes): it holds no forumdesk database. Create a new, empty forumdesk database in it?</source>
        <translation>Файл {0} пуст (0 байт): в нём нет базы данных forumdesk. Создать в нём новую, пустую базу данных forumdesk?</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/database_actions.py" line="96"/>
        <source>&amp;Open database…</source>
        <translation>&amp;Открыть базу данных…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/database_actions.py" line="99"/>
        <source>Recent &amp;databases</source>
        <translation>Недавние &amp;базы данных</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/database_actions.py" line="102"/>
        <source>This des&amp;k&apos;s name…</source>
        <translation>Имя рабочего &amp;места…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/database_actions.py" line="116"/>
        <source>This desk&apos;s name</source>
        <translation>Имя этого рабочего места</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/database_actions.py" line="117"/>
        <source>Other desks see this name next to what you change and in their status bar. Leave it empty for the user and computer name ({0}).</source>
        <translation>Другие рабочие места видят это имя рядом с вашими изменениями и в своей строке состояния. Оставьте поле пустым, чтобы использовать имя пользователя и компьютера ({0}).</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/database_actions.py" line="165"/>
        <source>{0} is the database already open.</source>
        <translation>{0} — это база данных, которая уже открыта.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/database_actions.py" line="173"/>
        <source>There is no database at {0}. Create a new, empty one there?</source>
        <translation>В {0} нет базы данных. Создать там новую, пустую?</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/database_actions.py" line="204"/>
        <source>The database file {0} is not there any more (moved, renamed or on a drive that is not connected). It was taken off the recent list.</source>
        <translation>Файла базы данных {0} больше нет на месте (его переместили, переименовали, или диск не подключён). Он убран из списка недавних.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/database_actions.py" line="223"/>
        <source>The database could not be opened; {0} stays open.

{1}</source>
        <translation>Базу данных не удалось открыть; открытой остаётся {0}.

{1}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/database_actions.py" line="268"/>
        <source>{0} (not found)</source>
        <translation>{0} (не найдена)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/database_actions.py" line="276"/>
        <source>&amp;Clear the list</source>
        <translation>&amp;Очистить список</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/database_actions.py" line="296"/>
        <source>Database on a network share</source>
        <translation>База данных в сетевой папке</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/database_actions.py" line="297"/>
        <source>The database file {0} is on a network share ({1}). Several computers writing to one file over the network can damage it: the file locks that keep it safe do not work reliably there.

To work from several desks, put the database on a PostgreSQL server (File &gt; Open database…, then A database server). To work from this desk only, copy the file to this computer&apos;s own disk.</source>
        <translation>Файл базы данных {0} лежит в сетевой папке ({1}). Когда несколько компьютеров пишут в один файл по сети, он может повредиться: блокировки файла, которые его защищают, там работают ненадёжно.

Чтобы работать с нескольких рабочих мест, перенесите базу данных на сервер PostgreSQL (Файл &gt; Открыть базу данных…, затем «Сервер баз данных»). Чтобы работать только с этого места, скопируйте файл на собственный диск этого компьютера.</translation>
    </message>
    <message>
        <source>This desk&apos;s &amp;name…</source>
        <translation type="vanished">&amp;Имя этого рабочего места…</translation>
    </message>
</context>
<context>
    <name>DesksLabel</name>
    <message>
        <location filename="../../forumdesk/ui/desks_label.py" line="56"/>
        <source>Other desks: unknown</source>
        <translation>Другие рабочие места: неизвестно</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/desks_label.py" line="57"/>
        <source>The database server does not answer.</source>
        <translation>Сервер базы данных не отвечает.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/desks_label.py" line="63"/>
        <source>Other desks: {0}</source>
        <translation>Другие рабочие места: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/desks_label.py" line="66"/>
        <source>No other desks</source>
        <translation>Других рабочих мест нет</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/desks_label.py" line="67"/>
        <source>No other forumdesk is connected to this database.</source>
        <translation>К этой базе данных не подключён ни один другой forumdesk.</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../../forumdesk/ui/agenda_print.py" line="365"/>
        <source>The PDF «{0}» could not be written.</source>
        <translation>Не удалось записать PDF «{0}».</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="72"/>
        <source>Open the file</source>
        <translation>Открыть файл</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="83"/>
        <source>&amp;Export agenda…</source>
        <translation>&amp;Экспорт программы…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="86"/>
        <source>&amp;Print agenda…</source>
        <translation>Пе&amp;чать программы…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="89"/>
        <source>Export agenda to P&amp;DF…</source>
        <translation>Экспорт программы в P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="91"/>
        <source>Export &amp;calendar (.ics)…</source>
        <translation>Экспорт &amp;календаря (.ics)…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="93"/>
        <source>Export CS&amp;V</source>
        <translation>Экспорт в CS&amp;V</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="94"/>
        <source>&amp;Sessions…</source>
        <translation>&amp;Сессии…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="96"/>
        <source>&amp;People…</source>
        <translation>&amp;Участники…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="99"/>
        <source>&amp;Badges…</source>
        <translation>Б&amp;ейджи…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="102"/>
        <source>&amp;Table tents…</source>
        <translation>&amp;Таблички на стол…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="146"/>
        <source>The file could not be written: {0}</source>
        <translation>Не удалось записать файл: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="153"/>
        <source>The export failed unexpectedly: {0}</source>
        <translation>Экспорт неожиданно завершился ошибкой: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="197"/>
        <location filename="../../forumdesk/ui/export_actions.py" line="208"/>
        <source>Export agenda</source>
        <translation>Экспорт программы</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="211"/>
        <source>Writing the agenda workbook…</source>
        <translation>Запись программы в книгу Excel…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="218"/>
        <source>Export cancelled; any previous file was left as it was.</source>
        <translation>Экспорт прерван; прежний файл, если он был, не изменён.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="223"/>
        <location filename="../../forumdesk/ui/export_actions.py" line="434"/>
        <source>The agenda was written to {0}.</source>
        <translation>Программа записана в {0}.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="235"/>
        <location filename="../../forumdesk/ui/export_actions.py" line="244"/>
        <source>Export calendar</source>
        <translation>Экспорт календаря</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="237"/>
        <source>programme</source>
        <translation>программа</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="238"/>
        <source>iCalendar file (*.ics)</source>
        <translation>Файл iCalendar (*.ics)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="245"/>
        <source>Writing the calendar…</source>
        <translation>Запись календаря…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="251"/>
        <source>{0} sessions were written to {1}.</source>
        <translation>Записано сессий: {0}. Файл: {1}.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="261"/>
        <source>Export sessions as CSV</source>
        <translation>Экспорт сессий в CSV</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="263"/>
        <source>Export people as CSV</source>
        <translation>Экспорт участников в CSV</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="268"/>
        <source>sessions</source>
        <translation>сессии</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="268"/>
        <source>people</source>
        <translation>участники</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="269"/>
        <source>CSV file (*.csv)</source>
        <translation>Файл CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="282"/>
        <source>Writing the CSV file…</source>
        <translation>Запись файла CSV…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="289"/>
        <source>{0} rows were written to {1}.</source>
        <translation>Записано строк: {0}. Файл: {1}.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="318"/>
        <source>Table tents</source>
        <translation>Таблички на стол</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="318"/>
        <source>Badges</source>
        <translation>Бейджи</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="322"/>
        <source>table tents</source>
        <translation>таблички</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="322"/>
        <source>badges</source>
        <translation>бейджи</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="323"/>
        <location filename="../../forumdesk/ui/export_actions.py" line="420"/>
        <source>PDF document (*.pdf)</source>
        <translation>Документ PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="332"/>
        <source>Writing the table tents…</source>
        <translation>Запись табличек…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="346"/>
        <source>Writing the badges…</source>
        <translation>Запись бейджей…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="363"/>
        <source>Cancelled; any previous file was left as it was.</source>
        <translation>Отменено; прежний файл, если он был, не изменён.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/export_actions.py" line="368"/>
        <source>%n table tents were written to {0}.</source>
        <translation>
            <numerusform>%n табличка записана в {0}.</numerusform>
            <numerusform>%n таблички записаны в {0}.</numerusform>
            <numerusform>%n табличек записано в {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/export_actions.py" line="370"/>
        <source>%n badges were written to {0}.</source>
        <translation>
            <numerusform>%n бейдж записан в {0}.</numerusform>
            <numerusform>%n бейджа записаны в {0}.</numerusform>
            <numerusform>%n бейджей записано в {0}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="390"/>
        <source>Reading the programme…</source>
        <translation>Чтение программы…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="400"/>
        <location filename="../../forumdesk/ui/export_actions.py" line="401"/>
        <location filename="../../forumdesk/ui/export_actions.py" line="408"/>
        <source>Print agenda</source>
        <translation>Печать программы</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="417"/>
        <location filename="../../forumdesk/ui/export_actions.py" line="425"/>
        <location filename="../../forumdesk/ui/export_actions.py" line="426"/>
        <location filename="../../forumdesk/ui/export_actions.py" line="432"/>
        <source>Export agenda to PDF</source>
        <translation>Экспорт программы в PDF</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_actions.py" line="419"/>
        <source>agenda</source>
        <translation>программа</translation>
    </message>
</context>
<context>
    <name>ExportAgendaDialog</name>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="65"/>
        <source>Programme (day by day, with speakers)</source>
        <translation>Программа (по дням, со спикерами)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="66"/>
        <source>Grid (rooms across, times down)</source>
        <translation>Сетка (залы по горизонтали, время по вертикали)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="67"/>
        <source>Sign-in sheets for each session</source>
        <translation>Листы регистрации для каждой сессии</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="68"/>
        <source>Door signs for each room</source>
        <translation>Таблички на двери залов</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="69"/>
        <source>Personal agendas</source>
        <translation>Личные программы</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="70"/>
        <source>List of people</source>
        <translation>Список участников</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="161"/>
        <source>Export agenda</source>
        <translation>Экспорт программы</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="168"/>
        <source>Parts of the workbook</source>
        <translation>Разделы книги</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="178"/>
        <source>Every registered person gets a personal agenda
(not only moderators and speakers)</source>
        <translation>Личная программа для каждого зарегистрированного
(не только для модераторов и спикеров)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="188"/>
        <source>Paper and language</source>
        <translation>Бумага и язык</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="205"/>
        <source>The agenda&apos;s language: headings, dates and the event&apos;s own texts. Two languages put the programme side by side, the other parts in the first.</source>
        <translation>Язык программы: заголовки, даты и собственные тексты мероприятия. При двух языках программа идёт в две колонки, остальные части — на первом языке.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="213"/>
        <source>{0} min</source>
        <translation>{0} мин</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="219"/>
        <source>Paper:</source>
        <translation>Бумага:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="220"/>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="221"/>
        <source>Grid time step:</source>
        <translation>Шаг сетки:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="224"/>
        <source>Excel (apostrophe before formula-like text)</source>
        <translation>Excel (апостроф перед текстом, похожим на формулу)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="227"/>
        <source>Other programs (plain UTF-8, values as stored)</source>
        <translation>Другие программы (простой UTF-8, значения как есть)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="230"/>
        <source>How File &gt; Export CSV writes its files. Excel: UTF-8 with a byte-order mark, and an apostrophe before text that Excel would run as a formula (phone numbers starting with + too). Other programs: RFC 4180 UTF-8 without a byte-order mark, commas between columns and every value exactly as stored, for mail merge and CRM uploads.</source>
        <translation>Как «Файл &gt; Экспорт CSV» записывает файлы. Excel: UTF-8 с меткой порядка байтов и апостроф перед текстом, который Excel выполнил бы как формулу (и перед телефонами, начинающимися с +). Другие программы: RFC 4180, UTF-8 без метки порядка байтов, запятые между столбцами и все значения в точности как сохранены — для рассылок слиянием и загрузки в CRM.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="241"/>
        <source>CSV files for:</source>
        <translation>Файлы CSV для:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="255"/>
        <source>Days</source>
        <translation>Дни</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="256"/>
        <source>Rooms</source>
        <translation>Залы</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="257"/>
        <source>Tracks</source>
        <translation>Треки</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="265"/>
        <source>agenda</source>
        <translation>программа</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="267"/>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="270"/>
        <source>Save to:</source>
        <translation>Сохранить в:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="282"/>
        <source>Export</source>
        <translation>Экспортировать</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="360"/>
        <source>Choose at least one part of the agenda.</source>
        <translation>Выберите хотя бы один раздел программы.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="362"/>
        <source>Choose at least one day.</source>
        <translation>Выберите хотя бы один день.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="363"/>
        <source>Choose at least one room.</source>
        <translation>Выберите хотя бы один зал.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="364"/>
        <source>Choose at least one track.</source>
        <translation>Выберите хотя бы один трек.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="370"/>
        <source>Choose where to save the workbook.</source>
        <translation>Выберите, куда сохранить книгу.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="372"/>
        <source>{0} is a folder; give the name of the file to write.</source>
        <translation>{0} — это папка; укажите имя файла для записи.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="392"/>
        <source>Save the agenda as</source>
        <translation>Сохранить программу как</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/export_dialog.py" line="394"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Headings in:</source>
        <translation type="vanished">Язык заголовков:</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="124"/>
        <source>Choose the file</source>
        <translation>Выбор файла</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="126"/>
        <source>An Excel, OpenDocument or CSV file. You can also drop the file onto this page.</source>
        <translation>Файл Excel, OpenDocument или CSV. Файл можно также перетащить на эту страницу.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="133"/>
        <source>The file to import</source>
        <translation>Файл для импорта</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="135"/>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="142"/>
        <source>Attendees (people, registrations)</source>
        <translation>Участники (люди, регистрации)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="143"/>
        <source>Programme (sessions, rooms, speakers)</source>
        <translation>Программа (сессии, залы, спикеры)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="152"/>
        <location filename="../../forumdesk/ui/import_pages.py" line="159"/>
        <source>Detect automatically</source>
        <translation>Определить автоматически</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="161"/>
        <source>Tab</source>
        <translation>Табуляция</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="173"/>
        <source>Read the file &amp;as:</source>
        <translation>&amp;Читать файл как:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="188"/>
        <source>&amp;File:</source>
        <translation>&amp;Файл:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="191"/>
        <source>&amp;What it holds:</source>
        <translation>&amp;Содержимое:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="192"/>
        <source>&amp;Event:</source>
        <translation>&amp;Мероприятие:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="193"/>
        <source>Text &amp;encoding (CSV):</source>
        <translation>&amp;Кодировка (CSV):</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="194"/>
        <source>&amp;Column separator (CSV):</source>
        <translation>&amp;Разделитель столбцов (CSV):</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="207"/>
        <source>None: only add them to the directory</source>
        <translation>Нет: только добавить в справочник</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="259"/>
        <source>«{0}» reads sensibly in more than one encoding ({1}). Choose the one in which the names below look right, then press Next.</source>
        <translation>«{0}» читается осмысленно в нескольких кодировках ({1}). Выберите ту, в которой имена ниже выглядят правильно, и нажмите «Далее».</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="276"/>
        <source>A programme is imported into an event, and there is none yet: create the event first.</source>
        <translation>Программа импортируется в мероприятие, а мероприятий пока нет: сначала создайте его.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="287"/>
        <source>Import a file</source>
        <translation>Импорт файла</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="289"/>
        <source>Spreadsheets and CSV files ({0})</source>
        <translation>Таблицы и файлы CSV ({0})</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="309"/>
        <source>Choose the event the programme belongs to.</source>
        <translation>Выберите мероприятие, к которому относится программа.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="325"/>
        <source>«{0}» cannot be read: {1}</source>
        <translation>Не удаётся прочитать «{0}»: {1}</translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <location filename="../../forumdesk/ui/import_actions.py" line="32"/>
        <source>&amp;Import attendees…</source>
        <translation>&amp;Импорт участников…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_actions.py" line="37"/>
        <source>Import &amp;programme…</source>
        <translation>Импорт &amp;программы…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_actions.py" line="46"/>
        <source>Import an attendee list…</source>
        <translation>Импортировать список участников…</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>family name</source>
        <translation>фамилия</translation>
    </message>
    <message>
        <source>given name</source>
        <translation>имя</translation>
    </message>
    <message>
        <source>patronymic</source>
        <translation>отчество</translation>
    </message>
    <message>
        <source>name in Latin letters</source>
        <translation>ФИО латиницей</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>организация</translation>
    </message>
    <message>
        <source>position</source>
        <translation>должность</translation>
    </message>
    <message>
        <source>country</source>
        <translation>страна</translation>
    </message>
    <message>
        <source>sector</source>
        <translation>сектор</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>пол</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>эл. почта</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <source>language</source>
        <translation>язык</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>примечания</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>сессии</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>недоступен</translation>
    </message>
    <message>
        <source>code</source>
        <translation>код</translation>
    </message>
    <message>
        <source>title</source>
        <translation>название</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>тип</translation>
    </message>
    <message>
        <source>track</source>
        <translation>трек</translation>
    </message>
    <message>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <source>time (start–end)</source>
        <translation>время (начало–окончание)</translation>
    </message>
    <message>
        <source>start</source>
        <translation>начало</translation>
    </message>
    <message>
        <source>end</source>
        <translation>окончание</translation>
    </message>
    <message>
        <source>room</source>
        <translation>зал</translation>
    </message>
    <message>
        <source>moderators</source>
        <translation>модераторы</translation>
    </message>
    <message>
        <source>co-moderators</source>
        <translation>сомодераторы</translation>
    </message>
    <message>
        <source>speakers</source>
        <translation>спикеры</translation>
    </message>
    <message>
        <source>panelists</source>
        <translation>панелисты</translation>
    </message>
    <message>
        <source>rapporteurs</source>
        <translation>докладчики</translation>
    </message>
    <message>
        <source>description</source>
        <translation>описание</translation>
    </message>
    <message>
        <source>title in Russian</source>
        <translation>название на русском</translation>
    </message>
    <message>
        <source>title in English</source>
        <translation>название на английском</translation>
    </message>
    <message>
        <source>title in Kazakh</source>
        <translation>название на казахском</translation>
    </message>
    <message>
        <source>description in Russian</source>
        <translation>описание на русском</translation>
    </message>
    <message>
        <source>description in English</source>
        <translation>описание на английском</translation>
    </message>
    <message>
        <source>description in Kazakh</source>
        <translation>описание на казахском</translation>
    </message>
    <message>
        <source>expected audience</source>
        <translation>ожидаемое число участников</translation>
    </message>
    <message>
        <source>length (minutes)</source>
        <translation>длительность (мин)</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>(не импортировать)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="513"/>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="613"/>
        <source>Import programme: {0}</source>
        <translation>импорт программы: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="614"/>
        <source>Import attendees: {0}</source>
        <translation>импорт участников: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="618"/>
        <source>Sessions: {0} new, {1} updated, {2} unchanged, {3} skipped; rows with problems: {4}. Rooms added: {5}, tracks added: {6}, people added: {7}, people assigned: {8}.</source>
        <translation>Сессии: новых — {0}, обновлено — {1}, без изменений — {2}, пропущено — {3}; строк с проблемами: {4}. Добавлено залов: {5}, треков: {6}, людей: {7}; включено в сессии: {8}.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="633"/>
        <source>Registered for the event: {0}.</source>
        <translation>Зарегистрировано на мероприятие: {0}.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="635"/>
        <source>People: {0} new, {1} updated, {2} unchanged, {3} skipped; rows with problems: {4}.</source>
        <translation>Люди: новых — {0}, обновлено — {1}, без изменений — {2}, пропущено — {3}; строк с проблемами: {4}.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="644"/>
        <source>Rows read: {0}, of which merged into another row&apos;s person: {1}, empty: {2}, the header repeated: {3}.</source>
        <translation>Прочитано строк: {0}, из них объединено с человеком из другой строки: {1}, пустых: {2}, повторов заголовка: {3}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/import_wizard.py" line="649"/>
        <source>Name conflicts: %n (same e-mail, another name).</source>
        <translation>
            <numerusform>Расхождений в именах: %n (тот же e-mail, другое имя).</numerusform>
            <numerusform>Расхождений в именах: %n (тот же e-mail, другое имя).</numerusform>
            <numerusform>Расхождений в именах: %n (тот же e-mail, другое имя).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="655"/>
        <source>Registered for the event: {0}; put in sessions: {1}.</source>
        <translation>Зарегистрировано на мероприятие: {0}; включено в сессии: {1}.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="659"/>
        <source>Unavailable periods added: {0}.</source>
        <translation>Добавлено периодов недоступности: {0}.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="662"/>
        <source>Expected. </source>
        <translation>Ожидаемый результат. </translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../forumdesk/ui/i18n.py" line="151"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/i18n.py" line="151"/>
        <source>The new language is used the next time forumdesk starts.</source>
        <translation>Новый язык будет использован при следующем запуске forumdesk.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/i18n.py" line="157"/>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/i18n.py" line="166"/>
        <source>As the &amp;system</source>
        <translation>Как в &amp;системе</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="98"/>
        <source>&amp;Timetable</source>
        <translation>&amp;Расписание</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="99"/>
        <source>&amp;Sessions</source>
        <translation>Сесс&amp;ии</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="100"/>
        <source>&amp;People</source>
        <translation>&amp;Участники</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="101"/>
        <source>Event &amp;setup</source>
        <translation>&amp;Настройка мероприятия</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="102"/>
        <source>&amp;Check-in</source>
        <translation>&amp;Отметка прихода</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="112"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="115"/>
        <source>&lt;nothing changed yet&gt;</source>
        <translation>&lt;изменений пока нет&gt;</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="140"/>
        <source>Place all…</source>
        <translation>Разместить…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="145"/>
        <location filename="../../forumdesk/ui/main_window.py" line="404"/>
        <source>Database: {0}</source>
        <translation>База данных: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="147"/>
        <source>Read-only: changes cannot be saved</source>
        <translation>Только чтение: изменения не сохраняются</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="200"/>
        <source>Event</source>
        <translation>Мероприятие</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="202"/>
        <source>Event: </source>
        <translation>Мероприятие: </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="204"/>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="206"/>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="225"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="230"/>
        <source>&amp;New event…</source>
        <translation>&amp;Новое мероприятие…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="232"/>
        <source>Open the &amp;demo forum</source>
        <translation>Открыть &amp;демо-форум</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="241"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="245"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="249"/>
        <source>&amp;Find…</source>
        <translation>&amp;Найти…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="253"/>
        <source>&amp;Session</source>
        <translation>С&amp;ессия</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="255"/>
        <source>&amp;New session…</source>
        <translation>&amp;Новая сессия…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="260"/>
        <source>&amp;Edit selected session…</source>
        <translation>&amp;Изменить выбранную сессию…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="263"/>
        <source>&amp;Duplicate selected sessions</source>
        <translation>&amp;Дублировать выбранные сессии</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="267"/>
        <source>&amp;Cancel or reinstate selected session</source>
        <translation>&amp;Отменить или вернуть выбранную сессию</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="276"/>
        <source>Panel &amp;balance…</source>
        <translation>&amp;Баланс состава панелей…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="280"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="283"/>
        <source>Timetable</source>
        <translation>Расписание</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="284"/>
        <source>Sessions</source>
        <translation>Сессии</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="285"/>
        <source>People</source>
        <translation>Участники</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="286"/>
        <source>Event setup</source>
        <translation>Настройка мероприятия</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="287"/>
        <source>Check-in</source>
        <translation>Отметка прихода</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="306"/>
        <source>&amp;Legend</source>
        <translation>&amp;Легенда</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="312"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="316"/>
        <source>&amp;About forumdesk</source>
        <translation>&amp;О программе forumdesk</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="322"/>
        <source>&lt;h2&gt;Welcome to forumdesk&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Добро пожаловать в forumdesk&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="325"/>
        <source>Plan your forum&apos;s sessions, rooms and people in one place. Start by creating your event, or look around the demo forum first.</source>
        <translation>Планируйте сессии, залы и участников форума в одном месте. Начните с создания мероприятия или сначала осмотритесь в демо-форуме.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="333"/>
        <source>Create an event…</source>
        <translation>Создать мероприятие…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="335"/>
        <location filename="../../forumdesk/ui/main_window.py" line="441"/>
        <source>Open the demo forum</source>
        <translation>Открыть демо-форум</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="389"/>
        <source>{0} (read-only)</source>
        <translation>{0} (только чтение)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="411"/>
        <source>Opened {0}.</source>
        <translation>Открыта база данных {0}.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="417"/>
        <source>This desk is now called {0}.</source>
        <translation>Это рабочее место теперь называется {0}.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="446"/>
        <source>The demo forum is open.</source>
        <translation>Демо-форум открыт.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="476"/>
        <source>Edit session</source>
        <translation>Изменение сессии</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/main_window.py" line="489"/>
        <source>Duplicate %n session(s)</source>
        <translation>
            <numerusform>Дублировать %n сессию</numerusform>
            <numerusform>Дублировать %n сессии</numerusform>
            <numerusform>Дублировать %n сессий</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="501"/>
        <source>Cancel session</source>
        <translation>Отмена сессии</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="564"/>
        <source>{0} sessions, {1} not on the timetable</source>
        <translation>Сессий: {0}, вне расписания: {1}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="570"/>
        <source>About forumdesk</source>
        <translation>О программе forumdesk</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/main_window.py" line="571"/>
        <source>&lt;b&gt;forumdesk {0}&lt;/b&gt;&lt;p&gt;Plan and run a multi-session forum: timetable, rooms, people and agendas.&lt;/p&gt;&lt;p&gt;Database: {1}&lt;/p&gt;</source>
        <translation>&lt;b&gt;forumdesk {0}&lt;/b&gt;&lt;p&gt;Планирование и проведение форума с параллельными сессиями: расписание, залы, участники и программы.&lt;/p&gt;&lt;p&gt;База данных: {1}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>New event</source>
        <translation type="vanished">Новое мероприятие</translation>
    </message>
    <message>
        <source>Demo forum</source>
        <translation type="vanished">Демо-форум</translation>
    </message>
    <message>
        <source>&amp;Import attendees…</source>
        <translation type="vanished">&amp;Импорт участников…</translation>
    </message>
    <message>
        <source>Import &amp;programme…</source>
        <translation type="vanished">Импорт &amp;программы…</translation>
    </message>
    <message>
        <source>Import an attendee list…</source>
        <translation type="vanished">Импортировать список участников…</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="60"/>
        <source>What each column holds</source>
        <translation>Что содержит каждый столбец</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="62"/>
        <source>Check the field chosen for each column; the table below shows the first rows as they will be imported.</source>
        <translation>Проверьте поле, выбранное для каждого столбца; в таблице ниже — первые строки в том виде, в каком они будут импортированы.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="76"/>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="76"/>
        <source>Imported as</source>
        <translation>Импортируется как</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="76"/>
        <source>First value</source>
        <translation>Первое значение</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="80"/>
        <source>Guess for each name</source>
        <translation>Определять для каждого имени</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="81"/>
        <source>Family name first (Иванов Иван)</source>
        <translation>Сначала фамилия (Иванов Иван)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="82"/>
        <source>Given name first (Ivan Ivanov)</source>
        <translation>Сначала имя (Ivan Ivanov)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="86"/>
        <source>S&amp;wap given and family names</source>
        <translation>По&amp;менять местами имя и фамилию</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="88"/>
        <source>Read every full name in the file the other way round</source>
        <translation>Прочитать все ФИО в файле в обратном порядке</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="95"/>
        <source>&amp;Load</source>
        <translation>&amp;Загрузить</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="98"/>
        <source>Name for this mapping</source>
        <translation>Название для этого сопоставления</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="99"/>
        <source>&amp;Save mapping</source>
        <translation>&amp;Сохранить сопоставление</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="113"/>
        <source>Full names are written:</source>
        <translation>Порядок в ФИО:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="118"/>
        <source>Saved mapping:</source>
        <translation>Сохранённое сопоставление:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="122"/>
        <source>Save this mapping as:</source>
        <translation>Сохранить сопоставление как:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="128"/>
        <source>How the first rows will be read:</source>
        <translation>Как будут прочитаны первые строки:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="239"/>
        <source>Columns {0} «{1}» and {2} «{3}» both fit «{4}»: {0} is used, {2} is ignored. To use {2} instead, choose «{4}» for it and «{5}» for {0}.</source>
        <translation>Столбцы {0} «{1}» и {2} «{3}» оба подходят для поля «{4}»: взят {0}, {2} пропущен. Чтобы взять {2}, выберите для него «{4}», а для {0} — «{5}».</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="260"/>
        <source>Not imported: %n column(s) numbering the rows: {0}.</source>
        <translation>
            <numerusform>Не импортируется %n столбец с номерами строк: {0}.</numerusform>
            <numerusform>Не импортируются %n столбца с номерами строк: {0}.</numerusform>
            <numerusform>Не импортируются %n столбцов с номерами строк: {0}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="270"/>
        <source>«{0}» is chosen for columns {1} and {2}; only {1} is used.</source>
        <translation>Поле «{0}» выбрано для столбцов {1} и {2}; используется только {1}.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="276"/>
        <source>Choose the column with the full name or the family name.</source>
        <translation>Выберите столбец с ФИО или фамилией.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="278"/>
        <source>Choose the column with the session&apos;s title.</source>
        <translation>Выберите столбец с названием сессии.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="332"/>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="437"/>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="333"/>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="438"/>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="334"/>
        <source>Family name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="335"/>
        <source>Given name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="336"/>
        <source>Patronymic</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="337"/>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="338"/>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="339"/>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="340"/>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="341"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="342"/>
        <source>Sessions</source>
        <translation>Сессии</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="343"/>
        <source>Unavailable</source>
        <translation>Недоступен</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="344"/>
        <source>Warnings</source>
        <translation>Предупреждения</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="385"/>
        <source>This file writes the given name first (Елена Пак), as %n of its names show.</source>
        <translation>
            <numerusform>В этом файле сначала пишется имя (Елена Пак): так записано %n имя.</numerusform>
            <numerusform>В этом файле сначала пишется имя (Елена Пак): так записаны %n имени.</numerusform>
            <numerusform>В этом файле сначала пишется имя (Елена Пак): так записаны %n имён.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="391"/>
        <source>This file writes the family name first (Пак Елена), as %n of its names show.</source>
        <translation>
            <numerusform>В этом файле сначала пишется фамилия (Пак Елена): так записано %n имя.</numerusform>
            <numerusform>В этом файле сначала пишется фамилия (Пак Елена): так записаны %n имени.</numerusform>
            <numerusform>В этом файле сначала пишется фамилия (Пак Елена): так записаны %n имён.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="397"/>
        <source>This file&apos;s names are written both ways; each is read as it looks.</source>
        <translation>В этом файле имена записаны и так, и так; каждое читается по его виду.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="413"/>
        <source>No event is chosen: the sessions are not used.</source>
        <translation>Мероприятие не выбрано: сессии не будут учтены.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="439"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="440"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="441"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="442"/>
        <source>Room</source>
        <translation>Зал</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="443"/>
        <source>Track</source>
        <translation>Трек</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="444"/>
        <source>Starts</source>
        <translation>Начало</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="445"/>
        <source>Ends</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="446"/>
        <source>People</source>
        <translation>Участники</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="489"/>
        <source>The mapping «{0}» was applied.</source>
        <translation>Сопоставление «{0}» применено.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="495"/>
        <source>Give the mapping a name to save it under.</source>
        <translation>Укажите название, под которым сохранить сопоставление.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="519"/>
        <source>The mapping was saved as «{0}».</source>
        <translation>Сопоставление сохранено как «{0}».</translation>
    </message>
</context>
<context>
    <name>NewEventDialog</name>
    <message>
        <location filename="../../forumdesk/ui/event_dialog.py" line="91"/>
        <source>New event</source>
        <translation>Новое мероприятие</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/event_dialog.py" line="107"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/event_dialog.py" line="108"/>
        <source>First day</source>
        <translation>Первый день</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/event_dialog.py" line="109"/>
        <source>Last day</source>
        <translation>Последний день</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/event_dialog.py" line="110"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/event_dialog.py" line="111"/>
        <source>Venue</source>
        <translation>Место проведения</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/event_dialog.py" line="112"/>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/event_dialog.py" line="139"/>
        <source>The event needs a name.</source>
        <translation>Укажите название мероприятия.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/event_dialog.py" line="142"/>
        <source>Choose a time zone from the list.</source>
        <translation>Выберите часовой пояс из списка.</translation>
    </message>
</context>
<context>
    <name>OpenDatabaseDialog</name>
    <message>
        <location filename="../../forumdesk/ui/open_database_dialog.py" line="45"/>
        <source>Open database</source>
        <translation>Открыть базу данных</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/open_database_dialog.py" line="47"/>
        <source>A database &amp;file on this computer (SQLite)</source>
        <translation>&amp;Файл базы данных на этом компьютере (SQLite)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/open_database_dialog.py" line="48"/>
        <source>A database &amp;server (PostgreSQL)</source>
        <translation>&amp;Сервер баз данных (PostgreSQL)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/open_database_dialog.py" line="57"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/open_database_dialog.py" line="75"/>
        <source>&amp;Remember the password in this computer&apos;s keyring</source>
        <translation>&amp;Запомнить пароль в хранилище паролей этого компьютера</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/open_database_dialog.py" line="82"/>
        <source>The password is kept in the system&apos;s keyring, never in a settings file.</source>
        <translation>Пароль хранится в системном хранилище паролей, никогда — в файле настроек.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/open_database_dialog.py" line="87"/>
        <source>This computer has no keyring to keep the password in, so it is not stored: forumdesk asks for it each time.</source>
        <translation>На этом компьютере нет хранилища паролей, поэтому пароль не сохраняется: forumdesk будет спрашивать его каждый раз.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/open_database_dialog.py" line="93"/>
        <source>&amp;Host:</source>
        <translation>&amp;Сервер:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/open_database_dialog.py" line="94"/>
        <source>P&amp;ort:</source>
        <translation>П&amp;орт:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/open_database_dialog.py" line="95"/>
        <source>&amp;Database:</source>
        <translation>&amp;База данных:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/open_database_dialog.py" line="96"/>
        <source>&amp;User:</source>
        <translation>&amp;Пользователь:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/open_database_dialog.py" line="97"/>
        <source>&amp;Password:</source>
        <translation>П&amp;ароль:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/open_database_dialog.py" line="170"/>
        <source>Open database file</source>
        <translation>Открыть файл базы данных</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/open_database_dialog.py" line="172"/>
        <source>forumdesk databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Базы данных forumdesk (*.sqlite3 *.sqlite *.db);;Все файлы (*)</translation>
    </message>
    <message>
        <source>forum.sqlite3</source>
        <translation type="obsolete"></translation>
    </message>
</context>
<context>
    <name>PanelBalanceDialog</name>
    <message>
        <location filename="../../forumdesk/ui/panel_balance_dialog.py" line="95"/>
        <source>Panel balance</source>
        <translation>Баланс состава панелей</translation>
    </message>
</context>
<context>
    <name>PanelBalanceTableModel</name>
    <message>
        <location filename="../../forumdesk/ui/panel_balance_dialog.py" line="60"/>
        <source>All moderators and speakers are from one sector.</source>
        <translation>Все модераторы и спикеры из одного сектора.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/panel_balance_dialog.py" line="83"/>
        <source>Session</source>
        <translation>Сессия</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/panel_balance_dialog.py" line="84"/>
        <source>Panel</source>
        <translation>Панель</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/panel_balance_dialog.py" line="85"/>
        <source>Sectors</source>
        <translation>Секторы</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/panel_balance_dialog.py" line="86"/>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/panel_balance_dialog.py" line="87"/>
        <source>Gender</source>
        <translation>Пол</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="103"/>
        <source>Filter by name, organisation, position, e-mail, phone…</source>
        <translation>Фильтр по имени, организации, должности, эл. почте, телефону…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="111"/>
        <source>Registered for this event</source>
        <translation>Зарегистрированные на мероприятие</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="112"/>
        <source>Whole directory</source>
        <translation>Весь справочник</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="113"/>
        <source>Whom the table lists</source>
        <translation>Кого показывает таблица</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="143"/>
        <source>&amp;New person…</source>
        <translation>&amp;Новый участник…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="150"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="161"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="168"/>
        <source>&amp;Assign to session…</source>
        <translation>&amp;Включить в сессию…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="175"/>
        <source>&amp;Badges for selected…</source>
        <translation>&amp;Бейджи для выбранных…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="181"/>
        <source>&amp;Register for this event</source>
        <translation>&amp;Зарегистрировать на мероприятие</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="185"/>
        <source>As {0}</source>
        <translation>Со статусом «{0}»</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="193"/>
        <location filename="../../forumdesk/ui/people_page.py" line="254"/>
        <location filename="../../forumdesk/ui/people_page.py" line="464"/>
        <source>People</source>
        <translation>Участники</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="200"/>
        <source>Register</source>
        <translation>Зарегистрировать</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="201"/>
        <source>Register the selected people for this event</source>
        <translation>Зарегистрировать выбранных людей на это мероприятие</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="360"/>
        <source>Delete {0}</source>
        <translation>удаление: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="361"/>
        <source>Delete {0} from the directory? They also leave every session and event they are in. Undo (Ctrl+Z) brings all of it back.</source>
        <translation>Удалить {0} из справочника? Человек будет исключён также из всех сессий и мероприятий. Отмена (Ctrl+Z) вернёт всё обратно.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/people_page.py" line="366"/>
        <source>Delete %n people</source>
        <translation>
            <numerusform>удаление %n человека</numerusform>
            <numerusform>удаление %n человек</numerusform>
            <numerusform>удаление %n человек</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/people_page.py" line="367"/>
        <source>Delete %n people from the directory? They also leave every session and event they are in. Undo (Ctrl+Z) brings all of it back.</source>
        <translation>
            <numerusform>Удалить %n человека из справочника? Он будет исключён также из всех сессий и мероприятий. Отмена (Ctrl+Z) вернёт всё обратно.</numerusform>
            <numerusform>Удалить %n человек из справочника? Они будут исключены также из всех сессий и мероприятий. Отмена (Ctrl+Z) вернёт всё обратно.</numerusform>
            <numerusform>Удалить %n человек из справочника? Они будут исключены также из всех сессий и мероприятий. Отмена (Ctrl+Z) вернёт всё обратно.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="390"/>
        <source>Register {0} as {1}</source>
        <translation>оформление регистрации: {0} — {1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/people_page.py" line="392"/>
        <source>Register %n people as {0}</source>
        <translation>
            <numerusform>оформление регистрации: %n человек — {0}</numerusform>
            <numerusform>оформление регистрации: %n человека — {0}</numerusform>
            <numerusform>оформление регистрации: %n человек — {0}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="405"/>
        <source>Assign to session</source>
        <translation>Включение в сессию</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="419"/>
        <source>Assign {0} to {1}</source>
        <translation>включение в сессию {1}: {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/people_page.py" line="421"/>
        <source>Assign %n people to {0}</source>
        <translation>
            <numerusform>включение в сессию {0}: %n человек</numerusform>
            <numerusform>включение в сессию {0}: %n человека</numerusform>
            <numerusform>включение в сессию {0}: %n человек</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="542"/>
        <source>{0} of {1} people registered for this event</source>
        <translation>Зарегистрированы на мероприятие: {0} из {1}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="543"/>
        <source>1 person registered for this event</source>
        <translation>Зарегистрирован на мероприятие: 1 человек</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="544"/>
        <source>{1} people registered for this event</source>
        <translation>Зарегистрировано на мероприятие: {1}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="548"/>
        <source>{0} of {1} people in the directory</source>
        <translation>В справочнике: {0} из {1}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="549"/>
        <source>1 person in the directory</source>
        <translation>В справочнике: 1 человек</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_page.py" line="550"/>
        <source>{1} people in the directory</source>
        <translation>В справочнике: {1}</translation>
    </message>
</context>
<context>
    <name>PeopleTableModel</name>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="250"/>
        <source>Name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="251"/>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="252"/>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="253"/>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="254"/>
        <source>Sector</source>
        <translation>Сектор</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="255"/>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="256"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="257"/>
        <source>Registration</source>
        <translation>Регистрация</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="258"/>
        <source>Name (Latin)</source>
        <translation>ФИО латиницей</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation type="vanished">Латиница</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="81"/>
        <source>New person</source>
        <translation>Новый участник</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="83"/>
        <source>Edit {0}</source>
        <translation>Изменение: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="93"/>
        <source>Leave empty to build the name from its parts: it then follows name changes.</source>
        <translation>Оставьте пустым, чтобы имя складывалось из фамилии, имени и отчества и менялось вместе с ними.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="107"/>
        <source>Choose or type a new one</source>
        <translation>Выберите или введите новую</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="111"/>
        <source>As on a passport or badge. Filled from the name by the passport transliteration until you change it; clear it to fill it again.</source>
        <translation>Как в паспорте или на бейдже. Заполняется из ФИО по паспортной транслитерации, пока вы его не измените; очистите поле, чтобы заполнить снова.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="124"/>
        <source>not recorded</source>
        <translation>не указан</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="128"/>
        <source>name@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="134"/>
        <source>The language for letters and badges, e.g. ru</source>
        <translation>Язык писем и бейджей, например ru</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="141"/>
        <source>Register for {0}</source>
        <translation>Зарегистрировать на «{0}»</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="148"/>
        <source>&amp;Family name:</source>
        <translation>&amp;Фамилия:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="149"/>
        <source>&amp;Given name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="150"/>
        <source>Pa&amp;tronymic:</source>
        <translation>&amp;Отчество:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="151"/>
        <source>&amp;Display name:</source>
        <translation>О&amp;тображаемое имя:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="152"/>
        <source>Name in &amp;Latin:</source>
        <translation>ФИО &amp;латиницей:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="153"/>
        <source>&amp;Organisation:</source>
        <translation>Орг&amp;анизация:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="154"/>
        <source>&amp;Position:</source>
        <translation>&amp;Должность:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="155"/>
        <source>C&amp;ountry:</source>
        <translation>&amp;Страна:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="156"/>
        <source>&amp;Sector:</source>
        <translation>С&amp;ектор:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="157"/>
        <source>Gende&amp;r:</source>
        <translation>По&amp;л:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="158"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;Эл. почта:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="159"/>
        <source>P&amp;hone:</source>
        <translation>Те&amp;лефон:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="160"/>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="161"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Примечания:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="268"/>
        <source>The family name is required.</source>
        <translation>Укажите фамилию.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="272"/>
        <source>“{0}” is not an e-mail address.</source>
        <translation>«{0}» — не адрес электронной почты.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/person_dialog.py" line="396"/>
        <source>Made from the names</source>
        <translation>Из фамилии, имени и отчества</translation>
    </message>
</context>
<context>
    <name>PlacementActions</name>
    <message>
        <location filename="../../forumdesk/ui/placement_actions.py" line="58"/>
        <source>&amp;Place unscheduled sessions…</source>
        <translation>&amp;Разместить сессии без места…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/placement_actions.py" line="62"/>
        <source>Propose rooms and times for the sessions not yet on the timetable</source>
        <translation>Предложить залы и время для сессий, которых ещё нет в расписании</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/placement_actions.py" line="65"/>
        <source>S&amp;uggest a slot for the selected session…</source>
        <translation>Подобрать &amp;место для выбранной сессии…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/placement_actions.py" line="88"/>
        <source>Place unscheduled sessions</source>
        <translation>Разместить сессии без места</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/placement_actions.py" line="92"/>
        <source>Every session is on the timetable already.</source>
        <translation>Все сессии уже стоят в расписании.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/placement_actions.py" line="96"/>
        <source>Looking for rooms and times for %n session(s)… Cancel keeps the best placement found so far.</source>
        <translation>
            <numerusform>Подбираются зал и время для %n сессии… «Отмена» сохранит лучшее размещение, найденное к этому моменту.</numerusform>
            <numerusform>Подбираются залы и время для %n сессий… «Отмена» сохранит лучшее размещение, найденное к этому моменту.</numerusform>
            <numerusform>Подбираются залы и время для %n сессий… «Отмена» сохранит лучшее размещение, найденное к этому моменту.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/placement_actions.py" line="111"/>
        <source>Placement failed unexpectedly: {0}</source>
        <translation>Размещение неожиданно прервалось: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/placement_actions.py" line="149"/>
        <source>All rooms</source>
        <translation>Все залы</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/placement_actions.py" line="165"/>
        <source>Proposed: {0}
{1}</source>
        <translation>Предложено: {0}
{1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/placement_actions.py" line="177"/>
        <source>%n session(s) placed</source>
        <translation>
            <numerusform>Размещена %n сессия</numerusform>
            <numerusform>Размещены %n сессии</numerusform>
            <numerusform>Размещено %n сессий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/placement_actions.py" line="179"/>
        <source>%n cannot be placed</source>
        <translation>
            <numerusform>%n нельзя разместить</numerusform>
            <numerusform>%n нельзя разместить</numerusform>
            <numerusform>%n нельзя разместить</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/placement_actions.py" line="181"/>
        <source>Stopped by Cancel: the best placement found by then.</source>
        <translation>Остановлено кнопкой «Отмена»: лучшее размещение, найденное к тому моменту.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/placement_actions.py" line="183"/>
        <source>The best placement found in {0} s.</source>
        <translation>Лучшее размещение, найденное за {0} с.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/placement_actions.py" line="188"/>
        <source>Nothing is changed until you accept.</source>
        <translation>Пока вы не примете предложение, ничего не меняется.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/placement_actions.py" line="208"/>
        <source>Place %n session(s) automatically</source>
        <translation>
            <numerusform>автоматическое размещение: %n сессия</numerusform>
            <numerusform>автоматическое размещение: %n сессии</numerusform>
            <numerusform>автоматическое размещение: %n сессий</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/placement_actions.py" line="230"/>
        <source>Suggest a slot</source>
        <translation>Подобрать место</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/placement_actions.py" line="231"/>
        <source>Select one session on the timetable or in the unscheduled list first.</source>
        <translation>Сначала выберите одну сессию в расписании или в списке сессий без места.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/placement_actions.py" line="241"/>
        <source>Place {0} in {1}, {2:%H:%M}</source>
        <translation>размещение {0}: {1}, {2:%H:%M}</translation>
    </message>
</context>
<context>
    <name>ProblemKind</name>
    <message>
        <source>room booked twice</source>
        <translation>зал занят дважды</translation>
    </message>
    <message>
        <source>during an all-rooms session</source>
        <translation>во время общего перерыва</translation>
    </message>
    <message>
        <source>person in two places</source>
        <translation>человек в двух местах сразу</translation>
    </message>
    <message>
        <source>person unavailable</source>
        <translation>человек недоступен</translation>
    </message>
    <message>
        <source>changeover too short</source>
        <translation>мало времени на переход</translation>
    </message>
    <message>
        <source>outside the event&apos;s days</source>
        <translation>вне дней мероприятия</translation>
    </message>
    <message>
        <source>room too small</source>
        <translation>зал слишком мал</translation>
    </message>
    <message>
        <source>no moderator</source>
        <translation>нет модератора</translation>
    </message>
    <message>
        <source>no room</source>
        <translation>нет зала</translation>
    </message>
    <message>
        <source>not registered</source>
        <translation>не зарегистрирован</translation>
    </message>
    <message>
        <source>not on the timetable</source>
        <translation>не в расписании</translation>
    </message>
    <message>
        <source>panel from one sector</source>
        <translation>панель из одного сектора</translation>
    </message>
    <message>
        <source>missing translation</source>
        <translation>нет перевода</translation>
    </message>
</context>
<context>
    <name>ProblemMarks</name>
    <message>
        <location filename="../../forumdesk/ui/timetable/mark_styles.py" line="145"/>
        <source>Room booked twice</source>
        <translation>Зал занят дважды</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/mark_styles.py" line="146"/>
        <source>Person in two places</source>
        <translation>Человек в двух местах</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/mark_styles.py" line="147"/>
        <source>No moderator</source>
        <translation>Нет модератора</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/mark_styles.py" line="148"/>
        <source>During an all-rooms break</source>
        <translation>Во время общего перерыва</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/mark_styles.py" line="149"/>
        <source>Other problem</source>
        <translation>Другая проблема</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/mark_styles.py" line="150"/>
        <source>Other warning</source>
        <translation>Другое предупреждение</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/mark_styles.py" line="181"/>
        <source>What the marks on the timetable mean</source>
        <translation>Что означают отметки в расписании</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation type="vanished">недоступен</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="vanished">{0}: {1}</translation>
    </message>
</context>
<context>
    <name>ProblemsDock</name>
    <message>
        <location filename="../../forumdesk/ui/problems.py" line="232"/>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/problems.py" line="260"/>
        <source>Show accepted</source>
        <translation>Показать принятые</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/problems.py" line="264"/>
        <location filename="../../forumdesk/ui/problems.py" line="272"/>
        <source>Accept…</source>
        <translation>Принять…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/problems.py" line="266"/>
        <source>Mark the selected problems as accepted, with a note why. They come back when the times, rooms or people behind them change.</source>
        <translation>Отметить выбранные проблемы как принятые, с пояснением почему. Они вернутся, если изменятся время, залы или люди, из-за которых они возникли.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/problems.py" line="271"/>
        <location filename="../../forumdesk/ui/problems.py" line="273"/>
        <source>Un-accept</source>
        <translation>Снять отметку</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/problems.py" line="373"/>
        <source>%n accepted</source>
        <translation>
            <numerusform>принято: %n</numerusform>
            <numerusform>принято: %n</numerusform>
            <numerusform>принято: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/problems.py" line="414"/>
        <source>Why is this acceptable?
{0}</source>
        <translation>Почему это допустимо?
{0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/problems.py" line="416"/>
        <source>Why are these %n problems acceptable?</source>
        <translation>
            <numerusform>Почему допустимы эти проблемы (%n)?</numerusform>
            <numerusform>Почему допустимы эти проблемы (%n)?</numerusform>
            <numerusform>Почему допустимы эти проблемы (%n)?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/problems.py" line="418"/>
        <source>Accept problem</source>
        <translation>Принятие проблемы</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/problems.py" line="461"/>
        <source>Open the list of problems</source>
        <translation>Открыть список проблем</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/problems_tree_model.py" line="36"/>
        <source>Errors</source>
        <translation>Ошибки</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/problems_tree_model.py" line="37"/>
        <source>Warnings</source>
        <translation>Предупреждения</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/problems_tree_model.py" line="38"/>
        <source>Notes</source>
        <translation>Замечания</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/problems_tree_model.py" line="50"/>
        <source>No problems</source>
        <translation>Проблем нет</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/problems_tree_model.py" line="53"/>
        <source>%n error</source>
        <translation>
            <numerusform>%n ошибка</numerusform>
            <numerusform>%n ошибки</numerusform>
            <numerusform>%n ошибок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/problems_tree_model.py" line="53"/>
        <source>%n errors</source>
        <translation>
            <numerusform>%n ошибка</numerusform>
            <numerusform>%n ошибки</numerusform>
            <numerusform>%n ошибок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/problems_tree_model.py" line="55"/>
        <source>%n warning</source>
        <translation>
            <numerusform>%n предупреждение</numerusform>
            <numerusform>%n предупреждения</numerusform>
            <numerusform>%n предупреждений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/problems_tree_model.py" line="55"/>
        <source>%n warnings</source>
        <translation>
            <numerusform>%n предупреждение</numerusform>
            <numerusform>%n предупреждения</numerusform>
            <numerusform>%n предупреждений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/problems_tree_model.py" line="57"/>
        <source>{0}, {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message numerus="yes">
        <source>Accept %n problems</source>
        <translation type="vanished">
            <numerusform>принятие %n проблемы</numerusform>
            <numerusform>принятие %n проблем</numerusform>
            <numerusform>принятие %n проблем</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Un-accept %n problems</source>
        <translation type="vanished">
            <numerusform>снятие отметки «принято»: %n проблема</numerusform>
            <numerusform>снятие отметки «принято»: %n проблемы</numerusform>
            <numerusform>снятие отметки «принято»: %n проблем</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsTreeModel</name>
    <message>
        <location filename="../../forumdesk/ui/problems_tree_model.py" line="94"/>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/problems_tree_model.py" line="94"/>
        <source>Sessions</source>
        <translation>Сессии</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/problems_tree_model.py" line="94"/>
        <source>Note</source>
        <translation>Пояснение</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/problems_tree_model.py" line="250"/>
        <location filename="../../forumdesk/ui/problems_tree_model.py" line="261"/>
        <source>Accepted: {0}</source>
        <translation>Принято: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/problems_tree_model.py" line="256"/>
        <source>(accepted)</source>
        <translation>(принято)</translation>
    </message>
</context>
<context>
    <name>ProposalPanel</name>
    <message>
        <location filename="../../forumdesk/ui/timetable/proposal_panel.py" line="58"/>
        <source>Proposed placement</source>
        <translation>Предложенное размещение</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/proposal_panel.py" line="70"/>
        <source>Tick all</source>
        <translation>Отметить все</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/proposal_panel.py" line="71"/>
        <source>Tick none</source>
        <translation>Снять все</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/proposal_panel.py" line="79"/>
        <source>Accept &amp;all</source>
        <translation>Принять &amp;все</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/proposal_panel.py" line="81"/>
        <source>Accept &amp;ticked</source>
        <translation>Принять &amp;отмеченные</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/proposal_panel.py" line="82"/>
        <location filename="../../forumdesk/ui/timetable/proposal_panel.py" line="156"/>
        <source>&amp;Discard</source>
        <translation>О&amp;тказаться</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/timetable/proposal_panel.py" line="143"/>
        <source>%n session(s) cannot be placed:</source>
        <translation>
            <numerusform>%n сессию нельзя разместить:</numerusform>
            <numerusform>%n сессии нельзя разместить:</numerusform>
            <numerusform>%n сессий нельзя разместить:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/proposal_panel.py" line="156"/>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/proposal_panel.py" line="187"/>
        <source>Accept &amp;ticked ({0} of {1})</source>
        <translation>Принять &amp;отмеченные ({0} из {1})</translation>
    </message>
</context>
<context>
    <name>RoomTableModel</name>
    <message>
        <location filename="../../forumdesk/ui/venue_table_models.py" line="161"/>
        <source>Room</source>
        <translation>Зал</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/venue_table_models.py" line="161"/>
        <source>Seats</source>
        <translation>Мест</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/venue_table_models.py" line="161"/>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
</context>
<context>
    <name>SessionBlock</name>
    <message>
        <location filename="../../forumdesk/ui/timetable/session_block.py" line="170"/>
        <source>Kind: {0}</source>
        <translation>Тип: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/session_block.py" line="176"/>
        <source>When: {0}, {1}</source>
        <translation>Время: {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/session_block.py" line="177"/>
        <source>no room yet</source>
        <translation>зал пока не назначен</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/session_block.py" line="179"/>
        <source>all rooms (whole venue)</source>
        <translation>все залы (вся площадка)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/session_block.py" line="180"/>
        <source>Room: {0}</source>
        <translation>Зал: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/session_block.py" line="182"/>
        <source>Track: {0}</source>
        <translation>Трек: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/session_block.py" line="184"/>
        <source>Moderators: {0}</source>
        <translation>Модераторы: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/session_block.py" line="186"/>
        <source>Expected audience: {0}</source>
        <translation>Ожидается участников: {0}</translation>
    </message>
    <message>
        <source>{0} (whole venue)</source>
        <translation type="vanished">{0} (вся площадка)</translation>
    </message>
    <message>
        <source>whole venue</source>
        <translation type="vanished">вся площадка</translation>
    </message>
</context>
<context>
    <name>SessionCountsTableModel</name>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="217"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="218"/>
        <source>Session</source>
        <translation>Сессия</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="219"/>
        <source>Room</source>
        <translation>Зал</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/checkin_page.py" line="220"/>
        <source>Arrived / seats</source>
        <translation>Пришли / мест</translation>
    </message>
</context>
<context>
    <name>SessionDetailsDock</name>
    <message>
        <location filename="../../forumdesk/ui/details_dock.py" line="28"/>
        <source>Session details</source>
        <translation>Сведения о сессии</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/details_dock.py" line="46"/>
        <source>Edit session…</source>
        <translation>Изменить сессию…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/details_dock.py" line="69"/>
        <source>Select a session to see its details here.</source>
        <translation>Выберите сессию, чтобы увидеть здесь сведения о ней.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/details_dock.py" line="76"/>
        <source>not on the timetable</source>
        <translation>не в расписании</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/details_dock.py" line="82"/>
        <source>All rooms</source>
        <translation>Все залы</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/details_dock.py" line="82"/>
        <source>no room</source>
        <translation>без зала</translation>
    </message>
</context>
<context>
    <name>SessionEditorDialog</name>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="137"/>
        <location filename="../../forumdesk/ui/session_editor.py" line="798"/>
        <source>Edit session {0}</source>
        <translation>изменение сессии {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="139"/>
        <source>New session</source>
        <translation>Новая сессия</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="187"/>
        <source>Session</source>
        <translation>Сессия</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="198"/>
        <source>(no track)</source>
        <translation>(без трека)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="202"/>
        <source>(no room)</source>
        <translation>(без зала)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="203"/>
        <source>All rooms (whole venue)</source>
        <translation>Все залы (вся площадка)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="207"/>
        <source>On the timetable</source>
        <translation>В расписании</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="209"/>
        <source>Cancelled (stays in the programme)</source>
        <translation>Отменена (остаётся в программе)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="222"/>
        <source>Suggest a slot…</source>
        <translation>Подобрать место…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="227"/>
        <source>Save the session first: then its people are known</source>
        <translation>Сначала сохраните сессию: тогда будут известны её участники</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="231"/>
        <source>The best rooms and times for this session with its saved people; choosing one places it there and saves the session</source>
        <translation>Лучшие залы и время для этой сессии с её сохранёнными участниками; выбранный вариант ставит её туда и сохраняет сессию</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="241"/>
        <source>not set</source>
        <translation>не указано</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="245"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="246"/>
        <source>not set (1 hour)</source>
        <translation>не задана (1 час)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="248"/>
        <source>How long the session lasts when it is put on the timetable</source>
        <translation>Сколько длится сессия, когда её ставят в расписание</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="251"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="253"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="254"/>
        <source>Track</source>
        <translation>Трек</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="255"/>
        <source>Room</source>
        <translation>Зал</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="257"/>
        <source>When</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="258"/>
        <source>Planned length</source>
        <translation>Плановая длительность</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="259"/>
        <source>Expected audience</source>
        <translation>Ожидается участников</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="277"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="278"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="282"/>
        <source>{0} (main)</source>
        <translation>{0} (основной)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="304"/>
        <source>No title in {0} yet: the main language&apos;s stands in for it, marked.</source>
        <translation>Названия на языке «{0}» пока нет: вместо него показано название на основном языке, с пометкой.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="326"/>
        <source>People</source>
        <translation>Участники</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="365"/>
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="366"/>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="367"/>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="381"/>
        <source>Add people</source>
        <translation>Добавить участников</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="385"/>
        <source>Type a name, organisation or e-mail (Cyrillic or Latin)…</source>
        <translation>Введите имя, организацию или эл. почту (кириллицей или латиницей)…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="401"/>
        <source>Add as</source>
        <translation>Добавить как</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="403"/>
        <source>New person…</source>
        <translation>Новый участник…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="634"/>
        <source>Already in this session: {0}</source>
        <translation>Уже в этой сессии: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="679"/>
        <source>Panel balance: no moderators or speakers yet.</source>
        <translation>Состав панели: модераторов и спикеров пока нет.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="682"/>
        <source>Panel balance ({0} moderators and speakers):</source>
        <translation>Состав панели (модераторов и спикеров: {0}):</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="683"/>
        <source>Sectors: {0}</source>
        <translation>Секторы: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="684"/>
        <source>Countries: {0}</source>
        <translation>Страны: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="688"/>
        <source>Gender: {0}</source>
        <translation>Пол: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="691"/>
        <source>All from one sector: {0}</source>
        <translation>Все из одного сектора: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="751"/>
        <source>The session needs a title.</source>
        <translation>Укажите название сессии.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_editor.py" line="760"/>
        <source>The session must end after it starts.</source>
        <translation>Сессия должна заканчиваться позже, чем начинается.</translation>
    </message>
    <message>
        <source>New session {0}</source>
        <translation type="vanished">создание сессии «{0}»</translation>
    </message>
    <message>
        <source>Move {0}</source>
        <translation type="vanished">перемещение: {0}</translation>
    </message>
    <message>
        <source>Remove people</source>
        <translation type="vanished">удаление участников из сессии</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation type="vanished">изменение роли</translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation type="vanished">добавление: {0}</translation>
    </message>
    <message>
        <source>Reorder people</source>
        <translation type="vanished">изменение порядка участников</translation>
    </message>
</context>
<context>
    <name>SessionKind</name>
    <message>
        <source>plenary</source>
        <translation>пленарное заседание</translation>
    </message>
    <message>
        <source>discussion</source>
        <translation>дискуссия</translation>
    </message>
    <message>
        <source>workshop</source>
        <translation>мастер-класс</translation>
    </message>
    <message>
        <source>break</source>
        <translation>перерыв</translation>
    </message>
    <message>
        <source>registration</source>
        <translation>регистрация</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другое</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <location filename="../../forumdesk/ui/session_table_model.py" line="43"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_table_model.py" line="44"/>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_table_model.py" line="45"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_table_model.py" line="46"/>
        <source>Room</source>
        <translation>Зал</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_table_model.py" line="47"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_table_model.py" line="48"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_table_model.py" line="49"/>
        <source>Track</source>
        <translation>Трек</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_table_model.py" line="50"/>
        <source>Moderators</source>
        <translation>Модераторы</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_table_model.py" line="116"/>
        <source>unscheduled</source>
        <translation>вне расписания</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_table_model.py" line="123"/>
        <source>All rooms</source>
        <translation>Все залы</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/session_table_model.py" line="125"/>
        <source>CANCELLED: {0}</source>
        <translation>ОТМЕНЕНА: {0}</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <location filename="../../forumdesk/ui/sessions_page.py" line="47"/>
        <source>Filter by code, title, room, moderator…</source>
        <translation>Фильтр по коду, названию, залу, модератору…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/sessions_page.py" line="67"/>
        <source>New session…</source>
        <translation>Новая сессия…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/sessions_page.py" line="69"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/sessions_page.py" line="71"/>
        <source>Take off the timetable</source>
        <translation>Снять с расписания</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/sessions_page.py" line="73"/>
        <source>Cancel or reinstate</source>
        <translation>Отменить или вернуть</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/sessions_page.py" line="75"/>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/sessions_page.py" line="144"/>
        <source>{0} of {1} sessions</source>
        <translation>Сессий: {0} из {1}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/sessions_page.py" line="190"/>
        <source>Unschedule {0} sessions</source>
        <translation>снятие с расписания сессий ({0})</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/sessions_page.py" line="203"/>
        <source>Delete {0} session(s) with their people?

{1}

You can undo this with Edit &gt; Undo.</source>
        <translation>Удалить сессии ({0}) вместе с их участниками?

{1}

Это можно отменить: «Правка &gt; Отменить».</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/sessions_page.py" line="206"/>
        <source>Delete sessions</source>
        <translation>Удаление сессий</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/sessions_page.py" line="212"/>
        <source>Delete {0} session(s)</source>
        <translation>удаление сессий ({0})</translation>
    </message>
    <message>
        <source>Unschedule {0}</source>
        <translation type="vanished">снятие с расписания: {0}</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="74"/>
        <source>Event</source>
        <translation>Мероприятие</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="89"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="91"/>
        <source>Time a person needs between sessions in different rooms; less is reported as a clash.</source>
        <translation>Время, нужное человеку, чтобы перейти между сессиями в разных залах; меньший промежуток считается накладкой.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="97"/>
        <source>Warn of one sector only</source>
        <translation>предупреждать об одном секторе</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="99"/>
        <source>The Problems dock warns of a session whose moderators and speakers all come from one sector (government, business, …).</source>
        <translation>Панель «Проблемы» предупреждает о сессии, все модераторы и спикеры которой из одного сектора (государство, бизнес, …).</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="107"/>
        <source>Save changes</source>
        <translation>Сохранить изменения</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="108"/>
        <source>Revert</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="115"/>
        <location filename="../../forumdesk/ui/setup_page.py" line="177"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="116"/>
        <source>First day</source>
        <translation>Первый день</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="117"/>
        <source>Last day</source>
        <translation>Последний день</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="118"/>
        <location filename="../../forumdesk/ui/setup_page.py" line="177"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="119"/>
        <location filename="../../forumdesk/ui/setup_page.py" line="177"/>
        <source>Venue</source>
        <translation>Место проведения</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="120"/>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="121"/>
        <source>Content languages</source>
        <translation>Языки содержания</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="123"/>
        <source>Changeover between rooms</source>
        <translation>Переход между залами</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="124"/>
        <source>Panels</source>
        <translation>Панели</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="125"/>
        <source>Organisers</source>
        <translation>Организаторы</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="126"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="155"/>
        <source>The language of the titles and names as the window shows them.</source>
        <translation>Язык названий, в котором их показывает окно.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="158"/>
        <source>also in:</source>
        <translation>а также:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="240"/>
        <source>Rooms (in timetable order)</source>
        <translation>Залы (в порядке расписания)</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="244"/>
        <source>Add room</source>
        <translation>Добавить зал</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="245"/>
        <source>Delete room…</source>
        <translation>Удалить зал…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="246"/>
        <location filename="../../forumdesk/ui/setup_page.py" line="277"/>
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="247"/>
        <location filename="../../forumdesk/ui/setup_page.py" line="278"/>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="255"/>
        <source> seats</source>
        <translation> чел.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="269"/>
        <source>Tracks</source>
        <translation>Треки</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="274"/>
        <source>Add track</source>
        <translation>Добавить трек</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="275"/>
        <source>Colour…</source>
        <translation>Цвет…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="276"/>
        <source>Delete track…</source>
        <translation>Удалить трек…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="426"/>
        <location filename="../../forumdesk/ui/setup_page.py" line="428"/>
        <source>Room {0}</source>
        <translation>Зал {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="443"/>
        <source>Delete room</source>
        <translation>Удаление зала</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="444"/>
        <source>Delete the room «{0}»? Its sessions keep their times and lose their room. You can undo this.</source>
        <translation>Удалить зал «{0}»? Его сессии сохранят время, но останутся без зала. Это можно отменить.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="474"/>
        <source>Move room {0} up</source>
        <translation>перемещение зала «{0}» выше</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="474"/>
        <source>Move room {0} down</source>
        <translation>перемещение зала «{0}» ниже</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="487"/>
        <location filename="../../forumdesk/ui/setup_page.py" line="492"/>
        <location filename="../../forumdesk/ui/setup_page.py" line="497"/>
        <source>Track {0}</source>
        <translation>Трек {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="512"/>
        <source>Track colour</source>
        <translation>Цвет трека</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="524"/>
        <source>Move track {0} up</source>
        <translation>перемещение трека «{0}» выше</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="524"/>
        <source>Move track {0} down</source>
        <translation>перемещение трека «{0}» ниже</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="537"/>
        <source>Delete track</source>
        <translation>Удаление трека</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/setup_page.py" line="538"/>
        <source>Delete the track «{0}»? Its sessions stay, without a track. You can undo this.</source>
        <translation>Удалить трек «{0}»? Его сессии останутся, но без трека. Это можно отменить.</translation>
    </message>
    <message>
        <source>Warn of a panel from one sector only</source>
        <translation type="vanished">Предупреждать о панели из одного сектора</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="353"/>
        <source>Sheet and header row</source>
        <translation>Лист и строка заголовков</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="355"/>
        <source>The highlighted row holds the column names. If it is not the right one, change the row number.</source>
        <translation>В выделенной строке — названия столбцов. Если это не та строка, измените её номер.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="371"/>
        <source>&amp;Sheet:</source>
        <translation>&amp;Лист:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="372"/>
        <source>&amp;Header row:</source>
        <translation>&amp;Строка заголовков:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="424"/>
        <source>The header was found in row {0}.</source>
        <translation>Заголовки найдены в строке {0}.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="426"/>
        <source>No row names columns forumdesk knows; choose the header row and map the columns on the next page.</source>
        <translation>Ни в одной строке нет знакомых forumdesk названий столбцов; выберите строку заголовков и сопоставьте столбцы на следующей странице.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="431"/>
        <source>The text was read as {0}.</source>
        <translation>Текст прочитан в кодировке {0}.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_pages.py" line="464"/>
        <source>There are no rows below row {0}: nothing to import.</source>
        <translation>Ниже строки {0} строк нет: импортировать нечего.</translation>
    </message>
</context>
<context>
    <name>StaleBar</name>
    <message>
        <location filename="../../forumdesk/ui/stale_bar.py" line="25"/>
        <source>Reload</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/stale_bar.py" line="27"/>
        <source>Show the record as it is now; the changes made here are discarded</source>
        <translation>Показать запись в её нынешнем виде; изменения, сделанные здесь, будут отброшены</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/stale_bar.py" line="40"/>
        <source>Changed from the desk {0} at {1}.</source>
        <translation>Изменено с рабочего места {0} в {1}.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/stale_bar.py" line="42"/>
        <source>Changed on another desk at {0}.</source>
        <translation>Изменено на другом рабочем месте в {0}.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/stale_bar.py" line="48"/>
        <source>Deleted on another desk: it can no longer be saved.</source>
        <translation>Удалено на другом рабочем месте: сохранить уже нельзя.</translation>
    </message>
</context>
<context>
    <name>SuggestSlotDialog</name>
    <message>
        <location filename="../../forumdesk/ui/suggest_slot_dialog.py" line="58"/>
        <source>Suggest a slot for {0}</source>
        <translation>Подобрать место для {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/suggest_slot_dialog.py" line="62"/>
        <source>There is no room and time on the event&apos;s days for this session.</source>
        <translation>В дни мероприятия для этой сессии нет ни зала, ни времени.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/suggest_slot_dialog.py" line="64"/>
        <source>The best places for {0}, where nothing clashes; choose one to put it there.</source>
        <translation>Лучшие места для {0}, где ничего не пересекается; выберите одно, чтобы поставить её туда.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/suggest_slot_dialog.py" line="68"/>
        <source>No place for {0} is free of clashes. The least bad ones, with what each would break:</source>
        <translation>Для {0} нет места без пересечений. Наименее плохие варианты и что каждый нарушит:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/suggest_slot_dialog.py" line="80"/>
        <source>Room</source>
        <translation>Зал</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/suggest_slot_dialog.py" line="80"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/suggest_slot_dialog.py" line="80"/>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/suggest_slot_dialog.py" line="95"/>
        <source>&amp;Place here</source>
        <translation>&amp;Поставить сюда</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/suggest_slot_dialog.py" line="144"/>
        <source>Suggest a slot</source>
        <translation>Подобрать место</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="436"/>
        <source>Imported</source>
        <translation>Импорт завершён</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="444"/>
        <source>Created:</source>
        <translation>Создано:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="445"/>
        <source>Updated:</source>
        <translation>Обновлено:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="446"/>
        <source>Unchanged:</source>
        <translation>Без изменений:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="447"/>
        <source>Skipped:</source>
        <translation>Пропущено:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="448"/>
        <source>Rejected rows:</source>
        <translation>Отклонено строк:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="449"/>
        <source>Rows merged into another row&apos;s person:</source>
        <translation>Строк объединено с человеком из другой строки:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="450"/>
        <source>Empty rows:</source>
        <translation>Пустых строк:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="451"/>
        <source>Header rows repeated:</source>
        <translation>Повторов строки заголовка:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="452"/>
        <source>Name conflicts (same e-mail, another name):</source>
        <translation>Расхождений в именах (тот же e-mail, другое имя):</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="453"/>
        <source>Rows read:</source>
        <translation>Прочитано строк:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="454"/>
        <source>Registered for the event:</source>
        <translation>Зарегистрировано на мероприятие:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="455"/>
        <source>Put in sessions:</source>
        <translation>Включено в сессии:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="456"/>
        <source>Unavailable periods added:</source>
        <translation>Добавлено периодов недоступности:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="487"/>
        <source>The rejected rows are in {0}</source>
        <translation>Отклонённые строки записаны в {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/import_wizard.py" line="492"/>
        <source>A copy of the database before the import: {0}</source>
        <translation>Копия базы до импорта: {0}</translation>
    </message>
</context>
<context>
    <name>TellTableModel</name>
    <message>
        <location filename="../../forumdesk/ui/changes_table_model.py" line="139"/>
        <source>Name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_table_model.py" line="139"/>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_table_model.py" line="139"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/changes_table_model.py" line="139"/>
        <source>Tell</source>
        <translation>Сообщить</translation>
    </message>
</context>
<context>
    <name>TimetablePage</name>
    <message>
        <location filename="../../forumdesk/ui/timetable/timetable_page.py" line="71"/>
        <source>{0} min</source>
        <translation>{0} мин</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/timetable_page.py" line="74"/>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/timetable_page.py" line="77"/>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/timetable_page.py" line="79"/>
        <source>Actual size</source>
        <translation>Исходный масштаб</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/timetable_page.py" line="89"/>
        <source>Day:</source>
        <translation>День:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/timetable_page.py" line="92"/>
        <source>Snap to:</source>
        <translation>Привязка:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/timetable_page.py" line="95"/>
        <source>Zoom:</source>
        <translation>Масштаб:</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/timetable_page.py" line="164"/>
        <source>All days</source>
        <translation>Все дни</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/timetable_page.py" line="310"/>
        <source>all rooms</source>
        <translation>все залы</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/timetable_page.py" line="311"/>
        <source>Move {0} to {1}, {2}</source>
        <translation>перемещение {0}: {1}, {2}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/timetable_page.py" line="320"/>
        <source>Change the length of {0}</source>
        <translation>изменение длительности: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/timetable_page.py" line="326"/>
        <source>Schedule {0}</source>
        <translation>размещение в расписании: {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/timetable/timetable_page.py" line="338"/>
        <source>Schedule %n session(s)</source>
        <translation>
            <numerusform>размещение в расписании: %n сессия</numerusform>
            <numerusform>размещение в расписании: %n сессии</numerusform>
            <numerusform>размещение в расписании: %n сессий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/timetable/timetable_page.py" line="349"/>
        <source>Duplicate %n session(s)</source>
        <translation>
            <numerusform>Дублировать %n сессию</numerusform>
            <numerusform>Дублировать %n сессии</numerusform>
            <numerusform>Дублировать %n сессий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/timetable/timetable_page.py" line="364"/>
        <source>Unschedule %n session(s)</source>
        <translation>
            <numerusform>снятие с расписания: %n сессия</numerusform>
            <numerusform>снятие с расписания: %n сессии</numerusform>
            <numerusform>снятие с расписания: %n сессий</numerusform>
        </translation>
    </message>
    <message>
        <source>Move {0}</source>
        <translation type="vanished">перемещение: {0}</translation>
    </message>
    <message>
        <source>Unschedule {0}</source>
        <translation type="vanished">снятие с расписания: {0}</translation>
    </message>
</context>
<context>
    <name>TimetableView</name>
    <message>
        <location filename="../../forumdesk/ui/timetable/rulers.py" line="93"/>
        <location filename="../../forumdesk/ui/timetable/timetable_view.py" line="636"/>
        <source>No room</source>
        <translation>Без зала</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/rulers.py" line="104"/>
        <source>{0} seats</source>
        <translation>{0} чел.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/timetable_view.py" line="483"/>
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/timetable_view.py" line="484"/>
        <source>&amp;Suggest a slot…</source>
        <translation>&amp;Подобрать место…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/timetable_view.py" line="486"/>
        <source>&amp;Unschedule</source>
        <translation>&amp;Убрать из расписания</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/timetable_view.py" line="621"/>
        <source>All rooms</source>
        <translation>Все залы</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/timetable_view.py" line="626"/>
        <source>booked: {0}</source>
        <translation>занят: {0}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/timetable_view.py" line="629"/>
        <source>during {0}</source>
        <translation>во время: {0}</translation>
    </message>
</context>
<context>
    <name>TrackTableModel</name>
    <message>
        <location filename="../../forumdesk/ui/venue_table_models.py" line="173"/>
        <source>Track</source>
        <translation>Трек</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/venue_table_models.py" line="173"/>
        <source>Colour</source>
        <translation>Цвет</translation>
    </message>
</context>
<context>
    <name>UnavailabilityBox</name>
    <message>
        <location filename="../../forumdesk/ui/unavailability_box.py" line="42"/>
        <source>Unavailable at {0}</source>
        <translation>Недоступен на «{0}»</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/unavailability_box.py" line="49"/>
        <source>e.g. 2021-11-25 09:00–12:00; 2021-11-26</source>
        <translation>например, 2021-11-25 09:00–12:00; 2021-11-26</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/unavailability_box.py" line="51"/>
        <source>A date alone is the whole day; several periods are separated by semicolons. Times are the event&apos;s local time.</source>
        <translation>Дата без времени — весь день; несколько периодов разделяются точкой с запятой. Время — местное время мероприятия.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/unavailability_box.py" line="56"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/unavailability_box.py" line="57"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/unavailability_box.py" line="123"/>
        <source>Mark {0} unavailable: {1}</source>
        <translation>недоступность: {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/unavailability_box.py" line="138"/>
        <source>Remove unavailable periods of {0}: {1}</source>
        <translation>удаление периодов недоступности: {0}, {1}</translation>
    </message>
</context>
<context>
    <name>UnscheduledDock</name>
    <message>
        <location filename="../../forumdesk/ui/timetable/unscheduled.py" line="121"/>
        <source>Unscheduled sessions</source>
        <translation>Вне расписания</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/unscheduled.py" line="127"/>
        <source>Filter by code or title…</source>
        <translation>Код или название…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/timetable/unscheduled.py" line="174"/>
        <source>%n session(s) to place</source>
        <translation>
            <numerusform>Разместить: %n сессию</numerusform>
            <numerusform>Разместить: %n сессии</numerusform>
            <numerusform>Разместить: %n сессий</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/unscheduled.py" line="192"/>
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/timetable/unscheduled.py" line="193"/>
        <source>&amp;Suggest a slot…</source>
        <translation>&amp;Подобрать место…</translation>
    </message>
</context>
<context>
    <name>VersionActions</name>
    <message>
        <location filename="../../forumdesk/ui/version_actions.py" line="28"/>
        <source>P&amp;ublish version…</source>
        <translation>Опубликовать &amp;версию…</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/version_actions.py" line="51"/>
        <source>Publish version</source>
        <translation>Публикация версии</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/version_actions.py" line="59"/>
        <source>Version {0} freezes the programme as it is now: what you send. Its name (optional, such as «Sent to speakers»):</source>
        <translation>Версия {0} фиксирует программу в нынешнем виде — то, что вы рассылаете. Её название (необязательно, например «Отправлено спикерам»):</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/version_actions.py" line="81"/>
        <source>Version {0} published; later changes are counted from it.</source>
        <translation>Версия {0} опубликована; дальнейшие изменения отсчитываются от неё.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/version_actions.py" line="99"/>
        <source>The programme has changed since version {0}. Publish it as version {1} first, so that every page says which version it shows? If not, the pages say they are a draft.</source>
        <translation>Программа изменилась после версии {0}. Сначала опубликовать её как версию {1}, чтобы на каждой странице было указано, какую версию она показывает? Если нет, на страницах будет написано, что это черновик.</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/version_actions.py" line="105"/>
        <source>No version of the programme has been published yet. Publish this as version 1 first, so that every page says which version it shows? If not, the pages say they are a draft.</source>
        <translation>Ни одна версия программы ещё не опубликована. Сначала опубликовать эту как версию 1, чтобы на каждой странице было указано, какую версию она показывает? Если нет, на страницах будет написано, что это черновик.</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="62"/>
        <source>invited</source>
        <translation>приглашён</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="63"/>
        <source>registered</source>
        <translation>зарегистрирован</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="64"/>
        <source>confirmed</source>
        <translation>подтвердил участие</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="65"/>
        <source>attended</source>
        <translation>присутствовал</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="66"/>
        <source>cancelled</source>
        <translation>отказался</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="67"/>
        <source>moderator</source>
        <translation>модератор</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="68"/>
        <source>co-moderator</source>
        <translation>сомодератор</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="69"/>
        <source>speaker</source>
        <translation>спикер</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="70"/>
        <source>panelist</source>
        <translation>панелист</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="71"/>
        <source>participant</source>
        <translation>участник</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="72"/>
        <source>rapporteur</source>
        <translation>докладчик</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="73"/>
        <source>government</source>
        <translation>государственный орган</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="74"/>
        <source>intergovernmental</source>
        <translation>международная организация</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="75"/>
        <source>business</source>
        <translation>бизнес</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="76"/>
        <source>marketplace</source>
        <translation>маркетплейс</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="77"/>
        <source>creative industry</source>
        <translation>креативная индустрия</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="78"/>
        <source>rights holder</source>
        <translation>правообладатель</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="79"/>
        <source>expert/academia</source>
        <translation>эксперт, наука</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="80"/>
        <source>media</source>
        <translation>СМИ</translation>
    </message>
    <message>
        <location filename="../../forumdesk/ui/people_table_model.py" line="81"/>
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <source>plenary</source>
        <translation>пленарное заседание</translation>
    </message>
    <message>
        <source>discussion</source>
        <translation>дискуссия</translation>
    </message>
    <message>
        <source>workshop</source>
        <translation>мастер-класс</translation>
    </message>
    <message>
        <source>break</source>
        <translation>перерыв</translation>
    </message>
    <message>
        <source>registration</source>
        <translation>регистрация</translation>
    </message>
</context>
<context>
    <name>_VenueTableModel</name>
    <message>
        <location filename="../../forumdesk/ui/venue_table_models.py" line="134"/>
        <source>No name in this language yet: the main one stands in for it.</source>
        <translation>Названия на этом языке пока нет: вместо него показано основное.</translation>
    </message>
</context>
<context>
    <name>forumdesk</name>
    <message>
        <location filename="../../forumdesk/app.py" line="51"/>
        <source>Something went wrong inside forumdesk. Your data is safe: the last action was not saved.

The details are in {path}</source>
        <translation>В forumdesk произошла внутренняя ошибка. Ваши данные в безопасности: последнее действие не было сохранено.

Подробности — в файле {path}</translation>
    </message>
    <message>
        <location filename="../../forumdesk/app.py" line="79"/>
        <source>The database cannot be opened.

{reason}</source>
        <translation>Не удаётся открыть базу данных.

{reason}</translation>
    </message>
</context>
</TS>
