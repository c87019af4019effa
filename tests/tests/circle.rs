//! The circle as a user builds it, on the built app under Xvfb: a mentor with a
//! two-threshold agreement, a catch-up quick-logged with the keyboard alone, the circle
//! view and its role coverage changing as the circle grows, and the sample circle loaded
//! and removed in one action.

use chrono::{Days, Local, NaiveDate};
use mentor_e2e::{CONTROL, Driver, ENTER, Session, World, one_at_a_time, quote};

fn iso(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// The home-screen row of `name` in the section whose list is labelled `section`.
fn home_row(section: &str, name: &str) -> String {
    format!(
        "//main//ul[@aria-label={}]/li[.//button[normalize-space()={}]]",
        quote(section),
        quote(name)
    )
}

/// Waits for a home section's first page, whose tenth row is `tenth`, and checks that it
/// is all that is drawn, with "Showing 10 of `total`" under it.
fn wait_for_first_page(app: &Session, section: &str, tenth: &str, total: usize) {
    app.wait_for(
        &home_row(section, tenth),
        &format!("{section}: the first page"),
    );
    let rows = format!("//main//ul[@aria-label={}]/li", quote(section));
    assert_eq!(
        app.find_all(&rows).len(),
        10,
        "{section}: one page is drawn"
    );
    let count = format!(
        "//main//ul[@aria-label={}]/following-sibling::div/p[normalize-space()={}]",
        quote(section),
        quote(&format!("Showing 10 of {total}"))
    );
    app.wait_for(&count, &format!("{section}: how many there are"));
}

/// The circle view's node for `name`.
fn circle_node(name: &str) -> String {
    format!(
        "//*[local-name()='svg']//*[@role='link'][contains(@aria-label, {})]",
        quote(name)
    )
}

/// The role's line in the circle-health panel.
fn coverage(role: &str) -> String {
    format!("//main//li[*[normalize-space()={}]]", quote(role))
}

fn go(app: &Session, place: &str) {
    let nav = format!("//aside//button[normalize-space()={}]", quote(place));
    let button = app.wait_for(&nav, &format!("“{place}” in the sidebar"));
    app.click(&button);
}

#[test]
fn a_two_threshold_mentor_quick_logged_by_keyboard_moves_in_the_circle() {
    let _turn = one_at_a_time();
    let world = World::new();
    let driver = Driver::start(&world);
    let today = Local::now().date_naive();
    let month_ago = today.checked_sub_days(Days::new(30)).expect("date");
    let next_due = today.checked_add_days(Days::new(21)).expect("date");

    let app = driver.launch();
    // "Every 3 weeks, never more than 6": a longest gap shorter than the cadence is
    // refused with a message at that field, and nothing is saved.
    app.click_button("Add your first mentor");
    app.type_into("Name", "Ana Sousa");
    app.tick("Adviser");
    app.type_into("Talk every (days)", "21");
    app.type_into("Never more than (days)", "14");
    app.click_button("Add mentor");
    let max_gap = app.field("Never more than (days)");
    app.wait_for(
        "//*[@aria-invalid='true'][@id=//label[normalize-space()='Never more than (days)']/@for]",
        "the longest gap marked invalid",
    );
    let described_by = app
        .attribute(&max_gap, "aria-describedby")
        .unwrap_or_default();
    let error_id = described_by
        .split_whitespace()
        .find(|id| id.ends_with("-error"))
        .expect("the field points at its error");
    let error = app.wait_for(&format!("//*[@id={}]", quote(error_id)), "the error text");
    assert!(
        app.text(&error).contains("21"),
        "the message says what to choose: {}",
        app.text(&error)
    );
    app.type_into("Never more than (days)", "42");
    app.click_button("Add mentor");
    app.wait_for("//h1[normalize-space()='Ana Sousa']", "Ana's page");

    // A catch-up a month ago: past the 3 weeks, within the 6: due, not overdue.
    app.click_button("Log catch-up");
    // Typed the way a new user did, year first: it is read as that day (WebKitGTK's own
    // date field took it in the locale's month/day/year order and made it year 0007),
    // and the field says the day it read.
    app.type_into("Date", &iso(month_ago));
    let date = app.field("Date");
    assert_eq!(app.value(&date), iso(month_ago), "the date typed in");
    let id = app.attribute(&date, "id").unwrap_or_default();
    let reading = app.wait_for(&format!("//*[@id='{id}-reading']"), "how the date was read");
    let said = month_ago.format("%a %-d %b %Y").to_string();
    assert!(
        app.text(&reading).starts_with(&said),
        "the field reads {:?}, not {said:?}",
        app.text(&reading)
    );
    app.click_button("Save catch-up");
    app.wait_gone("//*[@role='dialog']", "the catch-up dialog");
    go(&app, "Today");
    app.wait_for(&home_row("Due", "Ana Sousa"), "Ana under “Due”");
    assert!(
        app.find_all(&home_row("Overdue", "Ana Sousa")).is_empty(),
        "30 days is within the longest gap of 42"
    );

    // The circle view: one active mentor, an adviser; nobody opens doors yet.
    go(&app, "Circle");
    let node = app.wait_for(&circle_node("Ana Sousa"), "Ana in the circle view");
    let before = app.attribute(&node, "aria-label").unwrap_or_default();
    assert!(before.contains("due"), "the node says Ana is due: {before}");
    app.wait_for(
        &format!("{}[contains(., 'missing')]", coverage("Network connector")),
        "network connector missing",
    );
    app.screenshot("circle-view-one-mentor");

    // A second mentor, added from the keyboard shortcut, covers the missing role.
    app.press(&[CONTROL, "n"]);
    app.type_into("Name", "Ben Okafor");
    app.tick("Network connector");
    app.type_into("Talk every (days)", "42");
    app.click_button("Add mentor");
    app.wait_for("//h1[normalize-space()='Ben Okafor']", "Ben's page");

    // On a mentor's page the quick log is already theirs: Ctrl+L, Enter.
    app.press(&[CONTROL, "l"]);
    app.wait_for(
        "//*[@role='dialog']//*[normalize-space()='Log a catch-up']",
        "the quick log for Ben",
    );
    app.press(&[ENTER]);
    app.wait_gone("//*[@role='dialog']", "the quick log");
    app.wait_for(
        &format!(
            "//main//li[@class='catchup']//time[@datetime='{}']",
            iso(today)
        ),
        "today's catch-up on Ben's page",
    );
    go(&app, "Circle");
    app.wait_for(
        &format!(
            "{}[not(contains(., 'missing'))]",
            coverage("Network connector")
        ),
        "network connector covered",
    );
    app.wait_for(&circle_node("Ben Okafor"), "Ben in the circle view");

    // Quick log with the keyboard alone: Ctrl+L, the mentor's initial, Enter.
    go(&app, "Today");
    app.wait_for(&home_row("Due", "Ana Sousa"), "Ana still due");
    app.press(&[CONTROL, "l"]);
    app.wait_for(
        "//*[@role='dialog']//*[normalize-space()='Log a catch-up']",
        "the quick log",
    );
    let select = app.field("Mentor");
    assert_eq!(
        app.focused_id(),
        app.attribute(&select, "id").unwrap_or_default(),
        "the quick log opens with the mentor list focused"
    );
    app.press(&["a"]);
    app.press(&[ENTER]);
    app.wait_gone("//*[@role='dialog']", "the quick log");

    // Logging resets the cadence at once: Ana is next due in 3 weeks.
    let later = format!(
        "{}//time[@datetime='{}']",
        home_row("Later", "Ana Sousa"),
        iso(next_due)
    );
    app.wait_for(&later, "Ana due again in three weeks");
    go(&app, "Circle");
    let node = app.wait_for(&circle_node("Ana Sousa"), "Ana in the circle view");
    let after = app.attribute(&node, "aria-label").unwrap_or_default();
    assert_ne!(before, after, "the circle view shows the catch-up");
    app.screenshot("circle-view");
    go(&app, "Today");
    app.screenshot("home");
    app.quit();
}

#[test]
fn the_sample_circle_is_marked_and_removed_in_one_action() {
    let _turn = one_at_a_time();
    let world = World::new();
    let driver = Driver::start(&world);
    let app = driver.launch();

    app.click_button("Explore with a sample circle");
    app.wait_for(
        "//main//*[contains(normalize-space(), 'exploring a sample circle')]",
        "the sample banner",
    );
    // Every state shows at once, sample rows are marked.
    app.wait_for(
        &home_row("Agreements to review", "Daniel Weiss"),
        "an agreement to review",
    );
    app.wait_for(&home_row("Overdue", "Ana Sousa"), "an overdue mentor");
    app.wait_for(&home_row("Due", "Ben Okafor"), "a due mentor");
    let badge = format!(
        "{}//*[normalize-space()='Sample']",
        home_row("Due", "Ben Okafor")
    );
    app.wait_for(&badge, "the Sample mark");
    app.screenshot("sample-home");

    // A mentor's page: the agreement in words, and the timeline where the gap past the
    // longest agreed one stands out.
    let ana = app.wait_for(
        &format!(
            "{}//button[normalize-space()='Ana Sousa']",
            home_row("Overdue", "Ana Sousa")
        ),
        "Ana's name",
    );
    app.click(&ana);
    app.wait_for(
        "//*[contains(normalize-space(), 'Every 3 weeks, never more than 6 weeks')]",
        "the agreement in words",
    );
    app.wait_for(
        "//*[local-name()='svg'][contains(@class, 'timeline-chart')]//*[contains(@class, 'tl-pastMaxGap')]",
        "a gap longer than agreed on the timeline",
    );
    app.screenshot("mentor-page");
    go(&app, "Today");

    // The user's own mentor joins the sample, and stays when the sample goes.
    app.press(&[CONTROL, "n"]);
    app.type_into("Name", "Grace Lin");
    app.tick("Adviser");
    app.type_into("Talk every (days)", "28");
    app.click_button("Add mentor");
    app.wait_for("//h1[normalize-space()='Grace Lin']", "Grace's page");

    go(&app, "Circle");
    app.wait_for(
        &circle_node("Chloé Martin"),
        "a sample mentor in the circle view",
    );
    assert!(
        app.find_all(&circle_node("Esther Nakamura")).is_empty(),
        "paused mentors are not in the circle view"
    );
    app.screenshot("sample-circle-view");

    go(&app, "Today");
    app.click_button("Remove sample circle");
    let confirm = "//*[@role='dialog' or @role='alertdialog']//button[normalize-space()='Remove sample circle']";
    let button = app.wait_for(confirm, "the confirmation");
    app.click(&button);
    app.wait_gone(
        "//main//*[contains(normalize-space(), 'exploring a sample circle')]",
        "the sample banner",
    );
    app.wait_gone(
        "//main//button[normalize-space()='Ana Sousa']",
        "the sample mentors",
    );
    app.wait_for(
        "//main//li[.//button[normalize-space()='Grace Lin']]",
        "the user's own mentor, kept",
    );

    // Settings offers the sample again (the menu item), and it comes back.
    go(&app, "Settings");
    app.click_button("Load the sample circle");
    // Once loaded (its toast), not while loading: Today then reads the circle with it.
    app.wait_for(
        "//*[contains(., 'Loaded the sample circle')]",
        "the sample loaded",
    );
    go(&app, "Today");
    app.wait_for(&home_row("Due", "Ben Okafor"), "the sample, loaded again");
    app.quit();
}

/// A circle of dozens overdue: the home screen draws the first page of a long section, says
/// how many there are, and brings each next page from the backend, in order, with the
/// keyboard carried on to the first new row. More rows than the window shows: the first
/// frame draws only what fits, and the rest of every first page follows.
#[test]
fn a_long_section_on_the_home_screen_is_brought_a_page_at_a_time() {
    use mentor_core::model::{Agreement, MentorDraft, Mode, Role};
    let _turn = one_at_a_time();
    let world = World::new();
    let today = Local::now().date_naive();
    let joined = today.checked_sub_days(Days::new(60)).expect("date");
    world.seed(|store| {
        for n in 1..=35 {
            let agreement = Agreement::ongoing(28, 42, Mode::Video, joined);
            let draft = MentorDraft::new(format!("Mentor {n:03}"), vec![Role::Adviser], agreement);
            store.add_mentor(&draft, joined).expect("mentor added");
        }
        // Due in three days: below the overdue ones, past what the window shows.
        let soon = today.checked_sub_days(Days::new(25)).expect("date");
        for n in 1..=25 {
            let agreement = Agreement::ongoing(28, 42, Mode::Video, soon);
            let draft = MentorDraft::new(format!("Soon {n:02}"), vec![Role::Adviser], agreement);
            store.add_mentor(&draft, soon).expect("mentor added");
        }
        store.set_start_at_login_asked().expect("answered");
    });
    let driver = Driver::start(&world);
    let app = driver.launch();

    // The first frame held 15 rows (720 px at 48 px a row, the shortest a row can be: see
    // `firstFrame` in ui/src/features/today/homeSections.ts); the rest of this week's
    // first page follows it.
    wait_for_first_page(&app, "Due this week", "Soon 10", 25);
    let shortest = app.script(
        "return Math.min(...Array.from(document.querySelectorAll('main .rows > li'), (row) => row.getBoundingClientRect().height))",
    );
    let shortest = shortest.as_f64().expect("a height");
    assert!(
        shortest >= 48.0,
        "a home screen row is {shortest} px tall: the first frame counts on 48 at least"
    );

    wait_for_first_page(&app, "Overdue", "Mentor 010", 35);
    let rows = "//main//ul[@aria-label='Overdue']/li";

    app.click_button("Show 10 more");
    app.wait_for(&home_row("Overdue", "Mentor 020"), "the second page");
    assert_eq!(app.find_all(rows).len(), 20);
    let focused = app.script("return document.activeElement.textContent");
    assert_eq!(
        focused.as_str(),
        Some("Mentor 011"),
        "focus is on the first new row"
    );

    // The last page is never left shorter than a page: the 15 left come at once.
    app.click_button("Show 15 more");
    app.wait_for(&home_row("Overdue", "Mentor 035"), "the last page");
    let names: Vec<String> = app
        .find_all(&format!("{rows}//button[contains(@class, 'name')]"))
        .iter()
        .map(|name| app.text(name))
        .collect();
    let expected: Vec<String> = (1..=35).map(|n| format!("Mentor {n:03}")).collect();
    assert_eq!(names, expected, "every overdue mentor once, in order");
    app.wait_gone(
        "//main//ul[@aria-label='Overdue']/following-sibling::div/p[starts-with(normalize-space(), 'Showing')]",
        "the count once all are drawn",
    );
    app.quit();
}
