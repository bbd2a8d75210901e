<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>AppContext</name>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/problems.py" line="154"/>
        <source>Accept %n problems</source>
        <translation>
            <numerusform>Accept %n problem</numerusform>
            <numerusform>Accept %n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/problems.py" line="160"/>
        <source>Un-accept %n problems</source>
        <translation>
            <numerusform>Un-accept %n problem</numerusform>
            <numerusform>Un-accept %n problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssignToSessionDialog</name>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/assign_dialog.py" line="65"/>
        <source>Assign %n people to a session</source>
        <translation>
            <numerusform>Assign %n person to a session</numerusform>
            <numerusform>Assign %n people to a session</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BadgesDialog</name>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/badges_dialog.py" line="90"/>
        <source>The %n people selected on the People page</source>
        <translation>
            <numerusform>The %n person selected on the People page</numerusform>
            <numerusform>The %n people selected on the People page</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/checkin_page.py" line="435"/>
        <source>Saving %n scan(s): the database is busy, keep scanning…</source>
        <translation>
            <numerusform>Saving %n scan: the database is busy, keep scanning…</numerusform>
            <numerusform>Saving %n scans: the database is busy, keep scanning…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/import_wizard.py" line="241"/>
        <source>%n row(s) cannot be imported. Correct them in the file and check again, or tick “Import the valid rows”.</source>
        <translation>
            <numerusform>%n row cannot be imported. Correct it in the file and check again, or tick “Import the valid rows”.</numerusform>
            <numerusform>%n rows cannot be imported. Correct them in the file and check again, or tick “Import the valid rows”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/import_wizard.py" line="386"/>
        <source>%n row(s) with problems will be left out and written to {0}.</source>
        <translation>
            <numerusform>%n row with problems will be left out and written to {0}.</numerusform>
            <numerusform>%n rows with problems will be left out and written to {0}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/export_actions.py" line="368"/>
        <source>%n table tents were written to {0}.</source>
        <translation>
            <numerusform>%n table tent was written to {0}.</numerusform>
            <numerusform>%n table tents were written to {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/export_actions.py" line="370"/>
        <source>%n badges were written to {0}.</source>
        <translation>
            <numerusform>%n badge was written to {0}.</numerusform>
            <numerusform>%n badges were written to {0}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/import_wizard.py" line="649"/>
        <source>Name conflicts: %n (same e-mail, another name).</source>
        <translation>
            <numerusform>Name conflicts: %n (same e-mail, another name).</numerusform>
            <numerusform>Name conflicts: %n (same e-mail, another name).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/main_window.py" line="489"/>
        <source>Duplicate %n session(s)</source>
        <translation>
            <numerusform>Duplicate %n session</numerusform>
            <numerusform>Duplicate %n sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="260"/>
        <source>Not imported: %n column(s) numbering the rows: {0}.</source>
        <translation>
            <numerusform>Not imported: %n column numbering the rows: {0}.</numerusform>
            <numerusform>Not imported: %n columns numbering the rows: {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="385"/>
        <source>This file writes the given name first (Елена Пак), as %n of its names show.</source>
        <translation>
            <numerusform>This file writes the given name first (Елена Пак), as %n of its names shows.</numerusform>
            <numerusform>This file writes the given name first (Елена Пак), as %n of its names show.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/import_mapping_page.py" line="391"/>
        <source>This file writes the family name first (Пак Елена), as %n of its names show.</source>
        <translation>
            <numerusform>This file writes the family name first (Пак Елена), as %n of its names shows.</numerusform>
            <numerusform>This file writes the family name first (Пак Елена), as %n of its names show.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/people_page.py" line="366"/>
        <source>Delete %n people</source>
        <translation>
            <numerusform>Delete %n person</numerusform>
            <numerusform>Delete %n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/people_page.py" line="367"/>
        <source>Delete %n people from the directory? They also leave every session and event they are in. Undo (Ctrl+Z) brings all of it back.</source>
        <translation>
            <numerusform>Delete %n person from the directory? They also leave every session and event they are in. Undo (Ctrl+Z) brings all of it back.</numerusform>
            <numerusform>Delete %n people from the directory? They also leave every session and event they are in. Undo (Ctrl+Z) brings all of it back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/people_page.py" line="392"/>
        <source>Register %n people as {0}</source>
        <translation>
            <numerusform>Register %n person as {0}</numerusform>
            <numerusform>Register %n people as {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/people_page.py" line="421"/>
        <source>Assign %n people to {0}</source>
        <translation>
            <numerusform>Assign %n person to {0}</numerusform>
            <numerusform>Assign %n people to {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlacementActions</name>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/placement_actions.py" line="96"/>
        <source>Looking for rooms and times for %n session(s)… Cancel keeps the best placement found so far.</source>
        <translation>
            <numerusform>Looking for a room and time for %n session… Cancel keeps the best placement found so far.</numerusform>
            <numerusform>Looking for rooms and times for %n sessions… Cancel keeps the best placement found so far.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/placement_actions.py" line="177"/>
        <source>%n session(s) placed</source>
        <translation>
            <numerusform>%n session placed</numerusform>
            <numerusform>%n sessions placed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/placement_actions.py" line="179"/>
        <source>%n cannot be placed</source>
        <translation>
            <numerusform>%n cannot be placed</numerusform>
            <numerusform>%n cannot be placed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/placement_actions.py" line="208"/>
        <source>Place %n session(s) automatically</source>
        <translation>
            <numerusform>Place %n session automatically</numerusform>
            <numerusform>Place %n sessions automatically</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsDock</name>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/problems.py" line="373"/>
        <source>%n accepted</source>
        <translation>
            <numerusform>%n accepted</numerusform>
            <numerusform>%n accepted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/problems.py" line="416"/>
        <source>Why are these %n problems acceptable?</source>
        <translation>
            <numerusform>Why is this %n problem acceptable?</numerusform>
            <numerusform>Why are these %n problems acceptable?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/problems_tree_model.py" line="53"/>
        <source>%n error</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/problems_tree_model.py" line="53"/>
        <source>%n errors</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/problems_tree_model.py" line="55"/>
        <source>%n warning</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/problems_tree_model.py" line="55"/>
        <source>%n warnings</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept %n problems</source>
        <translation type="vanished">
            <numerusform>Accept %n problem</numerusform>
            <numerusform>Accept %n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Un-accept %n problems</source>
        <translation type="vanished">
            <numerusform>Un-accept %n problem</numerusform>
            <numerusform>Un-accept %n problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProposalPanel</name>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/timetable/proposal_panel.py" line="143"/>
        <source>%n session(s) cannot be placed:</source>
        <translation>
            <numerusform>%n session cannot be placed:</numerusform>
            <numerusform>%n sessions cannot be placed:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimetablePage</name>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/timetable/timetable_page.py" line="338"/>
        <source>Schedule %n session(s)</source>
        <translation>
            <numerusform>Schedule %n session</numerusform>
            <numerusform>Schedule %n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/timetable/timetable_page.py" line="349"/>
        <source>Duplicate %n session(s)</source>
        <translation>
            <numerusform>Duplicate %n session</numerusform>
            <numerusform>Duplicate %n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/timetable/timetable_page.py" line="364"/>
        <source>Unschedule %n session(s)</source>
        <translation>
            <numerusform>Unschedule %n session</numerusform>
            <numerusform>Unschedule %n sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnscheduledDock</name>
    <message numerus="yes">
        <location filename="../../forumdesk/ui/timetable/unscheduled.py" line="174"/>
        <source>%n session(s) to place</source>
        <translation>
            <numerusform>%n session to place</numerusform>
            <numerusform>%n sessions to place</numerusform>
        </translation>
    </message>
</context>
</TS>
