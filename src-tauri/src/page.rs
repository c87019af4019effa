//! Where the window may go: only to the app's own pages. A script that turned hostile in
//! the page (a bug in the light formatting, a crafted import) cannot navigate the window
//! to a page of its choosing, which would inherit nothing but could phish for the
//! passphrase in the app's own frame, nor open a second window. What the page may load
//! is the CSP's business (tauri.conf.json): nothing that is not the app's own.

use tauri::Url;

/// The app's own pages: `tauri://localhost` on Linux and macOS, `http://tauri.localhost`
/// on Windows, where WebView2 serves custom schemes over http.
pub fn is_own(url: &Url) -> bool {
    matches!(
        (url.scheme(), url.host_str()),
        ("tauri", Some("localhost")) | ("http" | "https", Some("tauri.localhost"))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn own(text: &str) -> bool {
        is_own(&Url::parse(text).expect("a URL"))
    }

    #[test]
    fn only_the_apps_own_pages_are_its_own() {
        assert!(own("tauri://localhost/"));
        assert!(own("tauri://localhost/index.html#/journal"));
        assert!(own("http://tauri.localhost/index.html"));
        for elsewhere in [
            "https://example.com/",
            "http://127.0.0.1:8080/",
            "tauri://localhost.example.com/",
            "http://tauri.localhost.example.com/",
            "file:///etc/passwd",
            "data:text/html,<p>hi</p>",
            "javascript:alert(1)",
            "about:blank",
        ] {
            assert!(!own(elsewhere), "{elsewhere} counted as the app's own page");
        }
    }
}
