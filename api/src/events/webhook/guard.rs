//! Keeping webhooks from being aimed inward (SSRF). A webhook URL is chosen by an API client,
//! and the server calls it from inside its own network; without a check, a client could make
//! the server call its database, a cloud metadata endpoint or an admin interface on loopback.
//!
//! Rules: only `http` and `https`; a host on the operator's allow-list (`WEBHOOK_ALLOW_HOSTS`)
//! is called whatever it resolves to; any other host must resolve to public addresses only.
//! The check runs when the webhook is created (a clear error at once) and again on every call,
//! inside the HTTP client's DNS resolver, so a name that later resolves inward (DNS
//! rebinding) is refused at connection time. Redirects are not followed.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use url::Url;

/// The operator's allow-list, lower-cased.
#[derive(Debug, Clone, Default)]
pub struct AllowList(Arc<Vec<String>>);

impl AllowList {
    pub fn new(hosts: &[String]) -> Self {
        Self(Arc::new(
            hosts
                .iter()
                .map(|h| h.trim().trim_matches(['[', ']']).to_lowercase())
                .filter(|h| !h.is_empty())
                .collect(),
        ))
    }

    pub fn allows(&self, host: &str) -> bool {
        let host = host.trim_matches(['[', ']']).to_lowercase();
        self.0.contains(&host)
    }
}

/// Whether `ip` is reachable on the public internet, i.e. not loopback, private, link-local,
/// shared (CGNAT), multicast, documentation or otherwise special.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_public_v4(v4),
            None => is_public_v6(v6),
        },
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b))
        || (a == 192 && b == 0 && ip.octets()[2] == 0)
        || (a == 198 && (18..20).contains(&b))
        || a >= 240)
}

/// An IPv6 address that carries an IPv4 address reaches that IPv4 address: IPv4-compatible
/// (`::a.b.c.d`), NAT64 (`64:ff9b::/96`, `64:ff9b:1::/48`), 6to4 (`2002::/16`) and Teredo
/// (`2001::/32`, client address inverted) are judged by the address inside.
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let s = ip.segments();
    let v4 = |hi: u16, lo: u16| Ipv4Addr::from((u32::from(hi) << 16) | u32::from(lo));
    if s[..6] == [0; 6] && !ip.is_unspecified() && !ip.is_loopback() {
        return Some(v4(s[6], s[7]));
    }
    if (s[0] == 0x0064 && s[1] == 0xff9b) && (s[2..6] == [0; 4] || s[2] == 1) {
        return Some(v4(s[6], s[7]));
    }
    if s[0] == 0x2002 {
        return Some(v4(s[1], s[2]));
    }
    if s[0] == 0x2001 && s[1] == 0 {
        return Some(v4(!s[6], !s[7]));
    }
    None
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = embedded_v4(ip) {
        return is_public_v4(v4);
    }
    let first = ip.segments()[0];
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || (first & 0xfe00) == 0xfc00
        || (first & 0xffc0) == 0xfe80
        // Site-local (deprecated, still routed inward by some stacks).
        || (first & 0xffc0) == 0xfec0
        // Discard-only.
        || (first == 0x0100 && ip.segments()[1..4] == [0; 3])
        || first == 0x2001 && ip.segments()[1] == 0x0db8)
}

/// Checks the form of a webhook URL; returns the message a user reads when it is refused.
pub fn check_url(url: &str, allow: &AllowList) -> Result<Url, String> {
    let parsed = Url::parse(url).map_err(|err| format!("'{url}' is not a URL: {err}"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(format!(
            "'{url}' uses {}: only http and https URLs are called",
            parsed.scheme()
        ));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(format!(
            "'{url}' carries credentials; sign requests with the secret instead"
        ));
    }
    let Some(host) = parsed.host_str() else {
        return Err(format!("'{url}' has no host"));
    };
    if let Ok(ip) = host.trim_matches(['[', ']']).parse::<IpAddr>()
        && !is_public(ip)
        && !allow.allows(host)
    {
        return Err(refusal(host, ip));
    }
    Ok(parsed)
}

fn refusal(host: &str, ip: IpAddr) -> String {
    format!(
        "{host} resolves to {ip}, a loopback, private or special address; webhooks may call \
         such hosts only when the operator allows them (WEBHOOK_ALLOW_HOSTS)"
    )
}

/// Resolves `host` as the webhook client will, applying the rules; the message explains a
/// refusal.
pub async fn check_host(host: &str, port: u16, allow: &AllowList) -> Result<(), String> {
    if allow.allows(host) {
        return Ok(());
    }
    let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host, port))
        .await
        .map_err(|err| format!("cannot resolve {host}: {err}"))?
        .collect();
    if addrs.is_empty() {
        return Err(format!("{host} resolves to no address"));
    }
    match addrs.iter().find(|a| !is_public(a.ip())) {
        Some(inward) => Err(refusal(host, inward.ip())),
        None => Ok(()),
    }
}

/// The webhook client's DNS resolver: resolves, then applies the rules.
pub struct GuardedResolver {
    pub allow: AllowList,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allow = self.allow.clone();
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let addrs: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            if !allow.allows(&host)
                && let Some(inward) = addrs.iter().find(|a| !is_public(a.ip()))
            {
                return Err(refusal(&host, inward.ip()).into());
            }
            let addrs: Addrs = Box::new(addrs.into_iter());
            Ok(addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inward_addresses_are_not_public() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::127.0.0.1",
            "64:ff9b::7f00:1",
            "64:ff9b::a00:1",
            "2002:7f00:1::",
            "2002:c0a8:101::1",
            "fec0::1",
            "2001:0:4136:e378:8000:63bf:80ff:fffe",
        ] {
            assert!(!is_public(ip.parse().unwrap()), "{ip}");
        }
        for ip in [
            "93.184.216.34",
            "2a00:1450:4001::1",
            "1.1.1.1",
            "64:ff9b::5db8:d822",
            "2002:5db8:d822::1",
        ] {
            assert!(is_public(ip.parse().unwrap()), "{ip}");
        }
    }

    #[test]
    fn only_http_and_https_urls_without_credentials_are_accepted() {
        let allow = AllowList::default();
        assert!(check_url("https://hr.example.com/hook", &allow).is_ok());
        assert!(check_url("ftp://hr.example.com/hook", &allow).is_err());
        assert!(check_url("file:///etc/passwd", &allow).is_err());
        assert!(check_url("https://user:pw@hr.example.com/", &allow).is_err());
        assert!(check_url("not a url", &allow).is_err());
    }

    #[test]
    fn a_loopback_url_needs_the_allow_list() {
        let message = check_url("http://127.0.0.1:9000/hook", &AllowList::default())
            .err()
            .unwrap_or_default();
        assert!(message.contains("WEBHOOK_ALLOW_HOSTS"), "{message}");
        let allow = AllowList::new(&["127.0.0.1".to_owned()]);
        assert!(check_url("http://127.0.0.1:9000/hook", &allow).is_ok());
        assert!(check_url("http://[::1]:9000/hook", &allow).is_err());
    }
}
