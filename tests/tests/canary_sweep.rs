//! The whole app as one user session, with a unique canary typed into every text field the
//! window offers: a mentor's every detail and agreement, a catch-up, the agenda, advice
//! and what came of it, thanks and gives, co-mentoring, goals and their progress,
//! prospects, a journal entry and its tags, a journal draft left unsaved, the mentor
//! filter and a search. Then the circle is locked and unlocked, backed up, restored, a
//! contacts file is imported and the circle exported without the journal.
//!
//! Afterwards every place the app, WebKit or the desktop could have written to is swept
//! for every canary, as UTF-8, UTF-16LE and base64 (in each of its three alignments): the
//! data folder (the database, its backups, the webview's storage), the world's XDG
//! folders, the temp folder, the runtime folder, the app's output and the notifications
//! it sent. Only the export the user asked for may hold them, and even it must not hold
//! the journal.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use mentor_core::model::{Agreement, CatchUpDraft, MentorDraft, Mode, Role};
use mentor_core::nudges::NudgeSettings;
use mentor_e2e::notifications::NotificationRecorder;
use mentor_e2e::{CONTROL, Driver, ENTER, SHIFT, Session, World, canary, one_at_a_time, quote};

/// What a canary was typed into, so a hit names the feature that wrote it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Kept in the circle: must be in a JSON export.
    Circle,
    /// Journal text: never in an export without the journal.
    Journal,
    /// Typed but never saved (a search, a filter): in no file at all.
    Passing,
    /// In the contacts file imported (the user's own plaintext file).
    Imported,
}

/// One canary: a string typed once, into one field.
struct Canary {
    field: &'static str,
    text: String,
    kind: Kind,
}

/// Every canary of the session, built from one random base (and a random phone number,
/// the one field that takes digits only).
struct Canaries {
    base: String,
    phone: String,
    all: Vec<Canary>,
}

impl Canaries {
    fn new() -> Canaries {
        let base = canary();
        let mut bytes = [0u8; 14];
        getrandom::fill(&mut bytes).expect("random");
        let phone: String = bytes
            .iter()
            .map(|byte| char::from(b'0' + byte % 10))
            .collect();
        let mut canaries = Canaries {
            base,
            phone,
            all: Vec::new(),
        };
        use Kind::*;
        for (field, kind) in [
            ("mentor name", Circle),
            ("mentor organisation", Circle),
            ("agreement situation", Circle),
            ("agreement own purpose", Circle),
            ("agreement confidentiality", Circle),
            ("mentor expertise", Circle),
            ("mentor how we met", Circle),
            ("mentor email", Circle),
            ("mentor linkedin", Circle),
            ("check note experience", Circle),
            ("check note values", Circle),
            ("check note accountability", Circle),
            ("check note time", Circle),
            ("catch-up note", Circle),
            ("overdue mentor's note", Circle),
            ("agenda question", Circle),
            ("quick agenda question", Circle),
            ("advice given", Circle),
            ("advice why not", Circle),
            ("advice outcome", Circle),
            ("thank-you note", Circle),
            ("give note", Circle),
            ("they help with", Circle),
            ("i help with", Circle),
            ("goal title", Circle),
            ("goal why", Circle),
            ("goal progress note", Circle),
            ("prospect name", Circle),
            ("prospect organisation", Circle),
            ("prospect wants", Circle),
            ("prospect chemistry", Circle),
            ("prospect next step", Circle),
            ("prospect email", Circle),
            ("prospect profile address", Circle),
            ("journal entry", Journal),
            ("journal tag", Journal),
            ("journal draft", Journal),
            ("mentor filter", Passing),
            ("search query", Passing),
            ("search tag", Passing),
            ("imported name", Imported),
            ("imported email", Imported),
            ("imported organisation", Imported),
        ] {
            let suffix: String = field.split(' ').map(|word| word.replace('-', "")).collect();
            let text = format!("{}-{suffix}", canaries.base);
            canaries.all.push(Canary { field, text, kind });
        }
        canaries.all.push(Canary {
            field: "mentor phone",
            text: canaries.phone.clone(),
            kind: Circle,
        });
        for one in &canaries.all {
            assert!(one.text.is_ascii(), "a canary is plain ASCII");
            for other in &canaries.all {
                assert!(
                    std::ptr::eq(one, other) || !other.text.starts_with(&one.text),
                    "“{}” is a prefix of “{}”: a hit could not be told apart",
                    one.field,
                    other.field
                );
            }
        }
        canaries
    }

    /// The canary typed into `field`.
    fn of(&self, field: &str) -> &str {
        &self
            .all
            .iter()
            .find(|one| one.field == field)
            .unwrap_or_else(|| panic!("no canary for {field}"))
            .text
    }
}

// ---------- Finding canaries in bytes ----------

const ENCODINGS: [&str; 5] = [
    "UTF-8",
    "UTF-16LE",
    "base64 (aligned)",
    "base64 (after 1 byte)",
    "base64 (after 2 bytes)",
];

/// `bytes` as each encoding in `ENCODINGS` writes it. Base64 is the part of the encoding
/// that does not depend on the bytes around it: the text is encoded after 0, 1 or 2
/// bytes (its three alignments) and the characters shared with a neighbour are cut.
fn encodings(bytes: &[u8]) -> [Vec<u8>; 5] {
    let utf16: Vec<u8> = bytes.iter().flat_map(|&byte| [byte, 0]).collect();
    let base64 = |lead: usize| {
        let mut padded = vec![0u8; lead];
        padded.extend_from_slice(bytes);
        let encoded = base64_encode(&padded);
        let start = (8 * lead).div_ceil(6);
        let end = 8 * padded.len() / 6;
        encoded[start..end].to_vec()
    };
    [bytes.to_vec(), utf16, base64(0), base64(1), base64(2)]
}

fn base64_encode(bytes: &[u8]) -> Vec<u8> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let word = (u32::from(chunk[0]) << 16)
            | (u32::from(chunk.get(1).copied().unwrap_or(0)) << 8)
            | u32::from(chunk.get(2).copied().unwrap_or(0));
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(ALPHABET[((word >> (18 - 6 * i)) & 63) as usize]);
        }
        out.extend(std::iter::repeat_n(b'=', 4 - chars));
    }
    out
}

/// A canary (or the start of one) found somewhere.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Hit {
    place: String,
    encoding: &'static str,
    /// The field whose canary it is; `None` for a canary's start that matches no whole one.
    field: Option<&'static str>,
}

/// Looks for the canaries' shared starts (the base, and the phone number) in every
/// encoding at once, in one pass over the bytes, then tells which whole canary each is.
struct Sweep<'a> {
    canaries: &'a Canaries,
    /// (encoded start, encoding index, which start: 0 the base, 1 the phone number)
    needles: Vec<(Vec<u8>, usize, usize)>,
    /// Each canary's encodings, by canary.
    encoded: Vec<[Vec<u8>; 5]>,
    /// The needles that begin with each byte.
    by_first_byte: Vec<Vec<usize>>,
}

impl<'a> Sweep<'a> {
    fn new(canaries: &'a Canaries) -> Sweep<'a> {
        let mut needles = Vec::new();
        for (start, text) in [&canaries.base, &canaries.phone].into_iter().enumerate() {
            for (encoding, bytes) in encodings(text.as_bytes()).into_iter().enumerate() {
                needles.push((bytes, encoding, start));
            }
        }
        let mut by_first_byte = vec![Vec::new(); 256];
        for (index, (bytes, _, _)) in needles.iter().enumerate() {
            by_first_byte[usize::from(bytes[0])].push(index);
        }
        let encoded = canaries
            .all
            .iter()
            .map(|one| encodings(one.text.as_bytes()))
            .collect();
        Sweep {
            canaries,
            needles,
            encoded,
            by_first_byte,
        }
    }

    /// Every canary in `bytes`, each (encoding, field) once.
    fn find(&self, bytes: &[u8]) -> BTreeSet<(&'static str, Option<&'static str>)> {
        let mut found = BTreeSet::new();
        for at in 0..bytes.len() {
            for &needle in &self.by_first_byte[usize::from(bytes[at])] {
                let (start_bytes, encoding, start) = &self.needles[needle];
                let rest = &bytes[at..];
                if !rest.starts_with(start_bytes) {
                    continue;
                }
                let field = self
                    .canaries
                    .all
                    .iter()
                    .zip(&self.encoded)
                    .filter(|(one, _)| {
                        let base = if *start == 0 {
                            &self.canaries.base
                        } else {
                            &self.canaries.phone
                        };
                        one.text.starts_with(base.as_str())
                    })
                    .filter(|(_, forms)| rest.starts_with(&forms[*encoding]))
                    // Base64 leaves a canary's last bits out: the longest match is the one.
                    .max_by_key(|(_, forms)| forms[*encoding].len())
                    .map(|(one, _)| one.field);
                found.insert((ENCODINGS[*encoding], field));
            }
        }
        found
    }
}

// ---------- Walking the places ----------

/// What was swept in one place.
#[derive(Default)]
struct Tally {
    files: u64,
    bytes: u64,
    unreadable: u64,
}

/// Every regular file under `dir` (symlinks not followed), leaving out `skip`, and only
/// those written since `since` when given.
fn files_under(dir: &Path, skip: &[PathBuf], since: Option<SystemTime>) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(next) = pending.pop() {
        if skip.iter().any(|skipped| skipped == &next) {
            continue;
        }
        let Ok(meta) = std::fs::symlink_metadata(&next) else {
            continue;
        };
        if meta.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&next) {
                pending.extend(entries.flatten().map(|entry| entry.path()));
            }
        } else if meta.is_file() {
            let recent = since.is_none_or(|since| {
                [meta.modified().ok(), meta.created().ok()]
                    .into_iter()
                    .flatten()
                    .any(|time| time >= since)
            });
            if recent {
                found.push(next);
            }
        }
    }
    found.sort();
    found
}

/// Sweeps `files`, adding what it found to `hits`; returns what was read.
fn sweep_files(sweep: &Sweep, files: &[PathBuf], hits: &mut Vec<Hit>) -> Tally {
    let mut tally = Tally::default();
    for file in files {
        let Ok(bytes) = std::fs::read(file) else {
            tally.unreadable += 1;
            continue;
        };
        tally.files += 1;
        tally.bytes += bytes.len() as u64;
        for (encoding, field) in sweep.find(&bytes) {
            hits.push(Hit {
                place: file.display().to_string(),
                encoding,
                field,
            });
        }
    }
    tally
}

fn report(place: &str, tally: &Tally, total: &mut Tally) {
    let unreadable = if tally.unreadable > 0 {
        format!(" ({} unreadable, skipped)", tally.unreadable)
    } else {
        String::new()
    };
    println!(
        "canary sweep: {place}: {} files, {} bytes{unreadable}",
        tally.files, tally.bytes
    );
    total.files += tally.files;
    total.bytes += tally.bytes;
    total.unreadable += tally.unreadable;
}

// ---------- Driving the window ----------

/// Focuses what `xpath` finds and presses Enter: a toast in the corner can cover a button
/// and swallow a pointer click, never a key press.
fn press(app: &Session, xpath: &str, what: &str) {
    app.wait_for(xpath, what);
    app.script(&format!(
        "document.evaluate({}, document, null, 9, null).singleNodeValue.focus()",
        serde_json::to_string(xpath).expect("json")
    ));
    app.press(&[ENTER]);
}

/// Presses the button labelled `label` in the open dialog.
fn press_in_dialog(app: &Session, label: &str) {
    let xpath = format!(
        "//*[@role='dialog']//button[normalize-space()={}]",
        quote(label)
    );
    press(app, &xpath, label);
}

/// Presses the button labelled `label` on the page (outside any dialog).
fn press_on_page(app: &Session, label: &str) {
    let xpath = format!("//main//button[normalize-space()={}]", quote(label));
    press(app, &xpath, label);
}

fn press_id(app: &Session, id: &str) {
    press(app, &format!("//*[@id={}]", quote(id)), id);
}

fn go(app: &Session, place: &str) {
    let button = app.wait_for(
        &format!("//aside//button[normalize-space()={}]", quote(place)),
        place,
    );
    app.click(&button);
}

/// Types `text` into the field labelled `label` and checks it went in whole. The field is
/// scrolled to the middle of its dialog first, as a user would: WebKit's WebDriver does
/// not reach a field under a dialog's footer.
fn type_checked(app: &Session, label: &str, text: &str) {
    let field = app.field(label);
    let id = app.attribute(&field, "id").unwrap_or_default();
    app.script(&format!(
        "document.getElementById({}).scrollIntoView({{ block: 'center' }})",
        serde_json::to_string(&id).expect("json")
    ));
    app.type_into(label, text);
    let typed = app.value(&app.field(label));
    assert!(
        typed == text,
        "the “{label}” field did not take what was typed"
    );
}

fn wait_dialog_closed(app: &Session, what: &str) {
    app.wait_gone("//*[@role='dialog']", what);
}

/// Waits for an element of the page holding `text` (a canary: never in a message).
fn wait_text(app: &Session, xpath_scope: &str, text: &str, what: &str) {
    let xpath = format!("{xpath_scope}[contains(., {})]", quote(text));
    app.wait_for(&xpath, what);
}

#[test]
fn every_field_typed_in_a_whole_session_is_nowhere_in_plaintext_but_the_export() {
    let _turn = one_at_a_time();
    // A moment early: file times are coarser than the clock.
    let started = SystemTime::now() - Duration::from_secs(2);
    let began = std::time::Instant::now();
    let world = World::new();
    let canaries = Canaries::new();
    let c = |field: &str| canaries.of(field).to_string();
    let recorder = NotificationRecorder::on_session_bus();

    // The user's own files: a contacts file to import, a folder to export into (what the
    // user consents to have in plaintext), a folder for a backup made by hand.
    let user_files = world.root.path().join("user-files");
    let export_dir = world.root.path().join("consented-export");
    let backup_dir = world.root.path().join("backups-made-by-hand");
    for dir in [&user_files, &export_dir, &backup_dir] {
        std::fs::create_dir_all(dir).expect("a folder in the world");
    }
    let contacts = user_files.join("contacts.csv");
    std::fs::write(
        &contacts,
        format!(
            "Name,Email,Company\n{},{}@example.org,{}\n",
            c("imported name"),
            c("imported email"),
            c("imported organisation")
        ),
    )
    .expect("the contacts file");

    // One mentor already in the circle and overdue, with quiet hours off whatever the
    // hour: the app nudges about her, so the notification it sends is swept too, and her
    // catch-up note must not be in it.
    let today = chrono::Local::now().date_naive();
    world.seed(|store| {
        let joined = today.checked_sub_days(chrono::Days::new(60)).expect("date");
        let agreement = Agreement::ongoing(28, 42, Mode::Video, joined);
        let draft = MentorDraft::new("Dana Okafor", vec![Role::Adviser], agreement);
        let dana = store.add_mentor(&draft, joined).expect("Dana").id;
        let caught_up = CatchUpDraft {
            mentor_id: dana,
            date: joined,
            mode: Mode::Video,
            note: c("overdue mentor's note"),
            discussed: Vec::new(),
            reported_back: Vec::new(),
        };
        store.log_catch_up(&caught_up, today).expect("her catch-up");
        let any_hour = NudgeSettings {
            quiet_hours: None,
            ..NudgeSettings::default()
        };
        store
            .set_nudge_settings(&any_hour, today)
            .expect("settings");
        store.set_start_at_login_asked().expect("answered");
    });

    let driver = Driver::start(&world);
    let app = driver.launch();
    let nudged = recorder.wait_for(1, Duration::from_secs(30));
    assert_eq!(nudged.len(), 1, "Dana's nudge arrives: {nudged:?}");

    // ----- A mentor, with everything the form offers -----
    go(&app, "Mentors");
    press_on_page(&app, "Add mentor");
    type_checked(&app, "Name", &c("mentor name"));
    type_checked(&app, "Organisation", &c("mentor organisation"));
    app.tick("Adviser");
    app.tick("Peer / co-mentor");
    app.type_into("Talk every (days)", "28");
    app.choose("Term", "One-off");
    type_checked(&app, "Situation", &c("agreement situation"));
    type_checked(&app, "Your own purpose", &c("agreement own purpose"));
    type_checked(&app, "Confidentiality", &c("agreement confidentiality"));
    // The folded sections open from the keyboard, as their headings are reached.
    for fold in ["Profile", "The four checks"] {
        let summary = format!(
            "//details[.//h3[normalize-space()={}]]/summary",
            quote(fold)
        );
        press(&app, &summary, fold);
        app.wait_for(
            &format!("//details[@open][.//h3[normalize-space()={}]]", quote(fold)),
            fold,
        );
    }
    type_checked(&app, "Areas of expertise", &c("mentor expertise"));
    type_checked(&app, "How you met", &c("mentor how we met"));
    type_checked(
        &app,
        "Email address",
        &format!("{}@example.com", c("mentor email")),
    );
    type_checked(&app, "Phone number", &format!("+{}", canaries.phone));
    type_checked(
        &app,
        "LinkedIn",
        &format!("https://www.linkedin.com/in/{}", c("mentor linkedin")),
    );
    for check in ["experience", "values", "accountability", "time"] {
        type_checked(
            &app,
            &format!("Note on {check}"),
            &c(&format!("check note {check}")),
        );
    }
    press_in_dialog(&app, "Add mentor");
    wait_text(&app, "//h1", &c("mentor name"), "the new mentor's page");

    // ----- Their page: a catch-up, the agenda, advice, thanks and gives, co-mentoring -----
    press_on_page(&app, "Log catch-up");
    type_checked(&app, "Note", &c("catch-up note"));
    press_in_dialog(&app, "Save catch-up");
    wait_dialog_closed(&app, "the catch-up dialog");
    wait_text(
        &app,
        "//main//li",
        &c("catch-up note"),
        "the catch-up logged",
    );

    type_checked(&app, "Add a question or topic", &c("agenda question"));
    press_id(&app, "agenda-add");
    wait_text(
        &app,
        "//li[starts-with(@id, 'agenda-item-')]",
        &c("agenda question"),
        "the question on the agenda",
    );
    app.press(&[CONTROL, SHIFT, "a"]);
    type_checked(&app, "Question or topic", &c("quick agenda question"));
    press_in_dialog(&app, "Add to agenda");
    wait_text(
        &app,
        "//li[starts-with(@id, 'agenda-item-')]",
        &c("quick agenda question"),
        "the quick question on the agenda",
    );

    press_id(&app, "advice-record");
    type_checked(&app, "What they advised", &c("advice given"));
    press_in_dialog(&app, "Save advice");
    wait_text(
        &app,
        "//li[starts-with(@id, 'advice-')]",
        &c("advice given"),
        "the advice recorded",
    );
    press(
        &app,
        "//li[starts-with(@id, 'advice-')]//button[normalize-space()='Update']",
        "Update",
    );
    app.choose("What you did with it", "Declined");
    type_checked(&app, "Why not", &c("advice why not"));
    type_checked(&app, "What came of it", &c("advice outcome"));
    press_in_dialog(&app, "Save");
    wait_dialog_closed(&app, "what came of the advice");
    wait_text(
        &app,
        "//li[starts-with(@id, 'advice-')]",
        &c("advice why not"),
        "why the advice was declined",
    );

    press_id(&app, "give-thanks");
    type_checked(&app, "Note", &c("thank-you note"));
    press_in_dialog(&app, "Save");
    wait_text(
        &app,
        "//li[starts-with(@id, 'give-')]",
        &c("thank-you note"),
        "the thank-you logged",
    );
    press_id(&app, "give-add");
    type_checked(&app, "Note", &c("give note"));
    press_in_dialog(&app, "Save");
    wait_text(
        &app,
        "//li[starts-with(@id, 'give-')]",
        &c("give note"),
        "the give logged",
    );

    type_checked(&app, "They help you with", &c("they help with"));
    type_checked(&app, "You help them with", &c("i help with"));
    press_id(&app, "co-save");
    app.wait_for(
        "//*[contains(., 'Saved what you help each other with')]",
        "the co-mentoring saved",
    );

    // ----- A goal and how it is going -----
    go(&app, "Goals");
    press_on_page(&app, "New goal");
    type_checked(&app, "Goal", &c("goal title"));
    type_checked(&app, "Why it matters", &c("goal why"));
    press_in_dialog(&app, "Set goal");
    wait_text(
        &app,
        "//main//li[starts-with(@id, 'goal-')]",
        &c("goal title"),
        "the goal set",
    );
    type_checked(&app, "How is it going?", &c("goal progress note"));
    press_on_page(&app, "Add note");
    wait_text(
        &app,
        "//main//li[contains(@class, 'goal-note')]",
        &c("goal progress note"),
        "the progress note",
    );

    // ----- A prospect -----
    go(&app, "Prospects");
    press_id(&app, "prospects-add");
    type_checked(&app, "Name", &c("prospect name"));
    type_checked(&app, "Organisation", &c("prospect organisation"));
    type_checked(&app, "What you want from them", &c("prospect wants"));
    type_checked(&app, "Chemistry notes", &c("prospect chemistry"));
    type_checked(&app, "Next step", &c("prospect next step"));
    type_checked(
        &app,
        "E-mail",
        &format!("{}@example.org", c("prospect email")),
    );
    type_checked(
        &app,
        "Profile address",
        &format!(
            "https://www.linkedin.com/in/{}",
            c("prospect profile address")
        ),
    );
    press_in_dialog(&app, "Save prospect");
    wait_dialog_closed(&app, "the prospect dialog");
    wait_text(&app, "//main//li", &c("prospect next step"), "the prospect");

    // ----- The journal: an entry with a tag, and a draft left unsaved -----
    app.press(&[CONTROL, "j"]);
    type_checked(
        &app,
        "Entry",
        &format!("Candid, before the reorg: {}.", c("journal entry")),
    );
    type_checked(&app, "Tags", &format!("work, {}", c("journal tag")));
    press_on_page(&app, "Save entry");
    wait_text(
        &app,
        "//main//ul[@aria-label='Journal entries']/li",
        &c("journal entry"),
        "the entry in the journal",
    );
    app.press(&[CONTROL, "j"]);
    let draft = format!("Half a thought about {}", c("journal draft"));
    type_checked(&app, "Entry", &draft);
    app.wait_for(
        "//*[contains(., 'Draft saved')]",
        "the draft saved while typing",
    );
    press_on_page(&app, "Close");
    app.wait_gone("//*[@id='journal-body']", "the editor closed");
    // The draft is really kept: a new entry offers it back. Left as it is.
    app.press(&[CONTROL, "j"]);
    app.wait_for(
        "//*[contains(., 'Restored your unsaved draft')]",
        "the draft offered back",
    );
    assert!(
        app.value(&app.field("Entry")) == draft,
        "the draft came back whole"
    );
    press_on_page(&app, "Close");
    app.wait_gone("//*[@id='journal-body']", "the editor closed again");

    // ----- Typed, never saved: the mentor filter and a search -----
    go(&app, "Mentors");
    type_checked(&app, "Filter", &c("mentor filter"));
    app.wait_gone(
        &format!(
            "//main//button[normalize-space()={}]",
            quote(&c("mentor name"))
        ),
        "the mentor, filtered out",
    );
    app.press(&[CONTROL, "f"]);
    type_checked(&app, "Search everything", &c("search query"));
    type_checked(&app, "Tag", &c("search tag"));
    app.wait_for(
        "//p[contains(@class, 'search-none')]",
        "the search answered (nothing found)",
    );

    // ----- Lock and unlock -----
    go(&app, "Lock");
    app.wait_for(
        "//h1[normalize-space()='Mentor Circle is locked']",
        "the lock screen",
    );
    app.click_button("Unlock");
    app.wait_gone(
        "//h1[normalize-space()='Mentor Circle is locked']",
        "the lock screen, once unlocked",
    );

    // ----- Back up now, and restore that backup -----
    go(&app, "Settings");
    press_id(&app, "back-up-now");
    let backup = backup_dir.join("circle.backup");
    app.type_into("Save the backup as", &backup.display().to_string());
    press_id(&app, "backup-save");
    app.wait_for("//*[contains(., 'Backup saved')]", "the backup saved");
    assert!(backup.is_file(), "the backup is where it was asked to go");

    press_id(&app, "restore-open");
    app.type_into("Backup file", &backup.display().to_string());
    press_id(&app, "restore-preview");
    wait_text(
        &app,
        "//*[@id='restore-preview-result']",
        &c("mentor name"),
        "the preview of the backup",
    );
    press_id(&app, "restore-confirm");
    app.wait_for("//*[contains(., 'Restored')]", "the restore done");
    wait_dialog_closed(&app, "the restore dialog");

    // ----- Import a contacts file (the restore went back to Today) -----
    go(&app, "Settings");
    press_id(&app, "import-open");
    app.type_into("File to import", &contacts.display().to_string());
    press_id(&app, "import-preview");
    app.wait_for("//*[@id='import-counts']", "the import's preview");
    press_id(&app, "import-confirm");
    app.wait_for("//*[contains(., 'Imported')]", "the import done");
    wait_dialog_closed(&app, "the import dialog");
    go(&app, "Prospects");
    wait_text(
        &app,
        "//main//li",
        &c("imported name"),
        "the imported prospect",
    );

    // ----- Export, without the journal -----
    go(&app, "Settings");
    press_id(&app, "export-open");
    app.wait_for("//*[@id='export-format-json']", "the export dialog");
    let chosen = app.script(
        "return [document.getElementById('export-format-json').checked,
                 document.getElementById('export-include-journal').checked]",
    );
    assert_eq!(
        chosen,
        serde_json::json!([true, false]),
        "JSON, without the journal"
    );
    let export = export_dir.join("circle.json");
    app.type_into("Save as", &export.display().to_string());
    press_id(&app, "export-save");
    app.answer_native_dialog("Export your circle unencrypted?", true);
    app.wait_for("//*[contains(., 'Exported to')]", "the export done");
    app.quit();
    drop(driver);
    let notifications = recorder.calls();
    let drove = began.elapsed();

    // ----- The sweep -----
    let sweep = Sweep::new(&canaries);
    println!(
        "canary sweep: {} canaries, each as {} encodings",
        canaries.all.len(),
        ENCODINGS.len()
    );

    // The export holds what the circle keeps (so the canaries really went in), and none
    // of the journal, nor what was only typed.
    let mut in_export = Vec::new();
    let export_files = files_under(&export_dir, &[], None);
    let export_tally = sweep_files(&sweep, &export_files, &mut in_export);
    println!(
        "canary sweep: consented export (excluded from the sweep): {} files, {} bytes",
        export_tally.files, export_tally.bytes
    );
    println!(
        "canary sweep: contacts file imported (the user's own, excluded from the sweep): {}",
        contacts.display()
    );
    let exported: BTreeSet<&str> = in_export
        .iter()
        .filter(|hit| hit.encoding == "UTF-8")
        .filter_map(|hit| hit.field)
        .collect();
    let missing: Vec<&str> = canaries
        .all
        .iter()
        .filter(|one| matches!(one.kind, Kind::Circle | Kind::Imported))
        .map(|one| one.field)
        .filter(|field| !exported.contains(field))
        .collect();
    assert!(
        missing.is_empty(),
        "the export lacks what was typed into {missing:?}: were they really saved?"
    );
    let not_for_export: Vec<&Hit> = in_export
        .iter()
        .filter(|hit| {
            hit.field.is_none_or(|field| {
                canaries.all.iter().any(|one| {
                    one.field == field && matches!(one.kind, Kind::Journal | Kind::Passing)
                })
            })
        })
        .collect();
    assert!(
        not_for_export.is_empty(),
        "an export without the journal holds the journal or unsaved text: {not_for_export:#?}"
    );

    let root = world.root.path().to_path_buf();
    let log = world.log_path();
    let data = world.data_dir();
    let runtime = std::env::var_os("XDG_RUNTIME_DIR")
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from);
    let temp = std::env::var_os("TMPDIR")
        .filter(|dir| !dir.is_empty())
        .map_or_else(|| PathBuf::from("/tmp"), PathBuf::from);

    let mut hits = Vec::new();
    let mut total = Tally::default();
    let places: Vec<(String, Vec<PathBuf>)> = {
        let mut places = vec![
            (
                format!(
                    "data folder {} (database, backups, webview storage)",
                    data.display()
                ),
                files_under(&data, &[], None),
            ),
            (
                format!(
                    "world temp root {} (XDG folders, hand-made backup)",
                    root.display()
                ),
                files_under(
                    &root,
                    &[
                        data.clone(),
                        log.clone(),
                        export_dir.clone(),
                        user_files.clone(),
                    ],
                    None,
                ),
            ),
            (
                format!("app output {}", log.display()),
                files_under(&log, &[], None),
            ),
        ];
        let mut skip = vec![root.clone()];
        skip.extend(runtime.clone());
        places.push((
            format!(
                "temp folder {} (files written since the start)",
                temp.display()
            ),
            files_under(&temp, &skip, Some(started)),
        ));
        // Under scripts/headless.sh the home folder is a scratch one in the temp folder,
        // swept with it; a real one is swept where desktop apps write (not ~/.cache,
        // which holds the build).
        if let Some(home) = std::env::var_os("HOME").map(PathBuf::from) {
            if home.starts_with(&temp) {
                println!(
                    "canary sweep: home {} is in the temp folder: swept with it",
                    home.display()
                );
            } else {
                let mut files = Vec::new();
                for dir in [".local/share", ".local/state", ".config"] {
                    files.extend(files_under(&home.join(dir), &[], Some(started)));
                }
                places.push((
                    format!(
                        "home {} (.local, .config: files written since the start)",
                        home.display()
                    ),
                    files,
                ));
            }
        }
        if let Some(runtime) = &runtime {
            places.push((
                format!("XDG_RUNTIME_DIR {}", runtime.display()),
                files_under(runtime, &[], None),
            ));
        } else {
            println!("canary sweep: XDG_RUNTIME_DIR is not set");
        }
        places
    };
    for (place, files) in &places {
        let tally = sweep_files(&sweep, files, &mut hits);
        report(place, &tally, &mut total);
    }

    // What reached the desktop's notification service.
    let mut notified = Tally::default();
    for (n, call) in notifications.iter().enumerate() {
        let text = [
            call.app_name.as_str(),
            &call.summary,
            &call.body,
            &call.actions.join("\n"),
        ]
        .join("\n");
        notified.files += 1;
        notified.bytes += text.len() as u64;
        for (encoding, field) in sweep.find(text.as_bytes()) {
            hits.push(Hit {
                place: format!("notification #{} (“{}”)", n + 1, call.summary),
                encoding,
                field,
            });
        }
    }
    println!(
        "canary sweep: notifications sent: {} notifications, {} bytes",
        notified.files, notified.bytes
    );
    total.files += notified.files;
    total.bytes += notified.bytes;
    println!(
        "canary sweep: total: {} files, {} bytes ({} unreadable) in {} ms, after {} s of driving the app",
        total.files,
        total.bytes,
        total.unreadable,
        began.elapsed().saturating_sub(drove).as_millis(),
        drove.as_secs()
    );
    assert!(total.files > 0, "the sweep read something");

    hits.sort();
    hits.dedup();
    let described: Vec<String> = hits
        .iter()
        .map(|hit| {
            let what = hit.field.map_or_else(
                || "the start of a canary (no whole one)".to_string(),
                |field| format!("the canary typed into “{field}”"),
            );
            format!("{what} as {} in {}", hit.encoding, hit.place)
        })
        .collect();
    assert!(
        described.is_empty(),
        "typed text found outside the encrypted database and the consented export:\n  {}",
        described.join("\n  ")
    );
}

/// The sweep itself: a canary is found, and named, in every encoding and alignment it may
/// be written in, among other bytes; the start of one is found too.
#[test]
fn the_sweep_finds_every_canary_in_every_encoding_and_alignment() {
    let canaries = Canaries::new();
    let sweep = Sweep::new(&canaries);
    for one in &canaries.all {
        let text = one.text.as_bytes();
        let mut plain = b"{\"note\":\"".to_vec();
        plain.extend_from_slice(text);
        plain.extend_from_slice(b"\"}");
        let utf16: Vec<u8> = "Notes: "
            .bytes()
            .chain(text.iter().copied())
            .chain(*b" ok")
            .flat_map(|byte| [byte, 0])
            .collect();
        for (bytes, encoding) in [(plain, "UTF-8"), (utf16, "UTF-16LE")] {
            let found = sweep.find(&bytes);
            assert!(
                found.contains(&(encoding, Some(one.field))),
                "{} as {encoding}: {found:?}",
                one.field
            );
        }
        for lead in 0..3 {
            let mut data = b"noise".repeat(lead + 1);
            data.truncate(lead + 3);
            data.extend_from_slice(text);
            data.extend_from_slice(b" and more");
            let mut stored = b"data=".to_vec();
            stored.extend(base64_encode(&data));
            let found = sweep.find(&stored);
            let encoding = ENCODINGS[2 + (lead + 3) % 3];
            assert!(
                found.contains(&(encoding, Some(one.field))),
                "{} as {encoding}: {found:?}",
                one.field
            );
        }
    }
    let partial = format!("typed so far: {}-sea", canaries.base);
    assert_eq!(
        sweep.find(partial.as_bytes()),
        BTreeSet::from([("UTF-8", None)]),
        "the start of a canary is a hit too"
    );
    assert!(
        sweep.find(b"nothing typed here").is_empty(),
        "no hit without a canary"
    );
}
