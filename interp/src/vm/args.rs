//! Binding call arguments to parameters, with CPython 3.8's rules and
//! messages (`_PyEval_EvalCodeWithName`): positional arguments first, then
//! keywords by name, then the too-many and missing checks, then defaults.
//!
//! Generic over the value type and the keyword-name type so that it is
//! tested alone and the VM can compare interned names by identity.

/// What the binder needs to know of a function's parameters.
pub struct Signature<'a> {
    /// `co_name`, used in every message.
    pub name: &'a str,
    /// Parameter names in slot order: positional, keyword-only, then the
    /// `*args` and `**kwargs` names when present.
    pub params: &'a [String],
    pub arg_count: usize,
    pub posonly_count: usize,
    pub kwonly_count: usize,
    pub has_varargs: bool,
    pub has_varkw: bool,
}

/// A keyword name as the caller passed it.
pub trait KeywordName {
    /// Is this keyword the parameter called `param`?
    fn is(&self, param: &str) -> bool;
    /// The name as the message shows it.
    fn text(&self) -> String;
}

impl KeywordName for &str {
    fn is(&self, param: &str) -> bool {
        *self == param
    }
    fn text(&self) -> String {
        self.to_string()
    }
}

/// The outcome of binding: every parameter slot filled, plus what goes into
/// `*args` and `**kwargs`.
#[derive(Debug, PartialEq)]
pub struct Bound<V, K> {
    /// One entry per parameter before `*args` (positional and keyword-only).
    pub slots: Vec<V>,
    /// Positional arguments beyond the named ones (for `*args`).
    pub extra_positional: Vec<V>,
    /// Keywords matching no parameter (for `**kwargs`), in call order.
    pub extra_keywords: Vec<(K, V)>,
}

/// Binds `positional` and `keywords` to `sig`. `defaults` belong to the last
/// positional parameters; `kw_default(name)` gives a keyword-only default.
/// The error is the TypeError message.
pub fn bind<V: Copy, K: KeywordName>(
    sig: &Signature,
    positional: &[V],
    keywords: Vec<(K, V)>,
    defaults: &[V],
    kw_default: impl Fn(&str) -> Option<V>,
) -> Result<Bound<V, K>, String> {
    let total = sig.arg_count + sig.kwonly_count;
    let mut slots: Vec<Option<V>> = vec![None; total];
    let given = positional.len();
    let n = given.min(sig.arg_count);
    for (slot, v) in slots.iter_mut().zip(&positional[..n]) {
        *slot = Some(*v);
    }
    let extra_positional = if sig.has_varargs { positional[n..].to_vec() } else { Vec::new() };

    let mut extra_keywords = Vec::new();
    let mut posonly_as_keyword: Vec<String> = Vec::new();
    for (key, value) in keywords {
        match (sig.posonly_count..total).find(|&j| key.is(&sig.params[j])) {
            Some(j) => {
                if slots[j].is_some() {
                    return Err(format!(
                        "{}() got multiple values for argument '{}'",
                        sig.name,
                        key.text()
                    ));
                }
                slots[j] = Some(value);
            }
            None if sig.has_varkw => extra_keywords.push((key, value)),
            None => {
                if sig.params[..sig.posonly_count].iter().any(|p| key.is(p)) {
                    posonly_as_keyword.push(key.text());
                    continue;
                }
                return Err(format!(
                    "{}() got an unexpected keyword argument '{}'",
                    sig.name,
                    key.text()
                ));
            }
        }
    }
    if !posonly_as_keyword.is_empty() {
        return Err(format!(
            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
            sig.name,
            posonly_as_keyword.join(", ")
        ));
    }
    if given > sig.arg_count && !sig.has_varargs {
        return Err(too_many_positional(sig, given, defaults.len(), &slots));
    }
    if given < sig.arg_count {
        let first_default = sig.arg_count - defaults.len().min(sig.arg_count);
        let missing: Vec<&str> = (given..first_default)
            .filter(|&i| slots[i].is_none())
            .map(|i| sig.params[i].as_str())
            .collect();
        if !missing.is_empty() {
            return Err(missing_message(sig.name, "positional", &missing));
        }
        for i in first_default.max(given)..sig.arg_count {
            if slots[i].is_none() {
                slots[i] = Some(defaults[i - first_default]);
            }
        }
    }
    if sig.kwonly_count > 0 {
        let mut missing = Vec::new();
        for (slot, name) in slots[sig.arg_count..].iter_mut().zip(&sig.params[sig.arg_count..]) {
            if slot.is_none() {
                match kw_default(name) {
                    Some(v) => *slot = Some(v),
                    None => missing.push(name.as_str()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_message(sig.name, "keyword-only", &missing));
        }
    }
    let slots = slots.into_iter().map(|s| s.expect("every slot bound or reported")).collect();
    Ok(Bound { slots, extra_positional, extra_keywords })
}

fn too_many_positional<V>(
    sig: &Signature,
    given: usize,
    defcount: usize,
    slots: &[Option<V>],
) -> String {
    let kwonly_given = slots[sig.arg_count..].iter().filter(|s| s.is_some()).count();
    let (takes, plural) = if defcount > 0 {
        (format!("from {} to {}", sig.arg_count - defcount.min(sig.arg_count), sig.arg_count), true)
    } else {
        (sig.arg_count.to_string(), sig.arg_count != 1)
    };
    let kwonly = if kwonly_given > 0 {
        format!(
            " positional argument{} (and {} keyword-only argument{})",
            if given != 1 { "s" } else { "" },
            kwonly_given,
            if kwonly_given != 1 { "s" } else { "" }
        )
    } else {
        String::new()
    };
    format!(
        "{}() takes {} positional argument{} but {}{} {} given",
        sig.name,
        takes,
        if plural { "s" } else { "" },
        given,
        kwonly,
        if given == 1 && kwonly_given == 0 { "was" } else { "were" }
    )
}

/// `f() missing 2 required positional arguments: 'a' and 'b'`.
fn missing_message(name: &str, kind: &str, missing: &[&str]) -> String {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    format!(
        "{name}() missing {} required {kind} argument{}: {list}",
        missing.len(),
        if missing.len() == 1 { "" } else { "s" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Def {
        name: &'static str,
        params: Vec<String>,
        arg_count: usize,
        posonly: usize,
        kwonly: usize,
        varargs: bool,
        varkw: bool,
        defaults: Vec<i32>,
        kw_defaults: Vec<(&'static str, i32)>,
    }

    fn def(name: &'static str, params: &[&str], arg_count: usize) -> Def {
        Def {
            name,
            params: params.iter().map(|p| p.to_string()).collect(),
            arg_count,
            posonly: 0,
            kwonly: 0,
            varargs: false,
            varkw: false,
            defaults: vec![],
            kw_defaults: vec![],
        }
    }

    type Outcome = Result<Bound<i32, &'static str>, String>;

    fn call(d: &Def, pos: &[i32], kw: &[(&'static str, i32)]) -> Outcome {
        let sig = Signature {
            name: d.name,
            params: &d.params,
            arg_count: d.arg_count,
            posonly_count: d.posonly,
            kwonly_count: d.kwonly,
            has_varargs: d.varargs,
            has_varkw: d.varkw,
        };
        bind(&sig, pos, kw.to_vec(), &d.defaults, |n| {
            d.kw_defaults.iter().find(|(k, _)| *k == n).map(|(_, v)| *v)
        })
    }

    /// `def f(a, b, /, c, d=1, *, e, f=2)`
    fn f() -> Def {
        Def {
            posonly: 2,
            kwonly: 2,
            defaults: vec![10],
            kw_defaults: vec![("f", 20)],
            ..def("f", &["a", "b", "c", "d", "e", "f"], 4)
        }
    }

    #[test]
    fn messages_match_cpython() {
        // Expected texts from python3.8 (see the call forms in each line).
        let g = Def { defaults: vec![2], ..def("g", &["a", "b"], 2) };
        let h = Def { kwonly: 1, ..def("h", &["k"], 0) };
        let z = def("z", &[], 0);
        let m = def("m", &["a", "b", "c", "d"], 4);
        let cases: Vec<(Outcome, &str)> = vec![
            (call(&f(), &[1], &[]), "f() missing 2 required positional arguments: 'b' and 'c'"),
            (call(&f(), &[1, 2, 3], &[]), "f() missing 1 required keyword-only argument: 'e'"),
            (
                call(&f(), &[1, 2, 3, 4, 5], &[]),
                "f() takes from 3 to 4 positional arguments but 5 were given",
            ),
            (call(&f(), &[1, 2, 3], &[("e", 1), ("c", 2)]), "f() got multiple values for argument 'c'"),
            (
                call(&f(), &[], &[("a", 1), ("b", 2), ("c", 3), ("e", 4)]),
                "f() got some positional-only arguments passed as keyword arguments: 'a, b'",
            ),
            (call(&f(), &[1, 2, 3], &[("e", 1), ("zz", 3)]), "f() got an unexpected keyword argument 'zz'"),
            (call(&g, &[], &[]), "g() missing 1 required positional argument: 'a'"),
            (call(&g, &[1, 2, 3], &[("b", 3)]), "g() got multiple values for argument 'b'"),
            (call(&h, &[1], &[]), "h() takes 0 positional arguments but 1 was given"),
            (call(&z, &[], &[("x", 1)]), "z() got an unexpected keyword argument 'x'"),
            (
                call(&f(), &[1, 2, 3, 4, 5, 6], &[("e", 1)]),
                "f() takes from 3 to 4 positional arguments but 6 positional arguments (and 1 keyword-only argument) were given",
            ),
            (
                call(&h, &[1, 2], &[("k", 3)]),
                "h() takes 0 positional arguments but 2 positional arguments (and 1 keyword-only argument) were given",
            ),
            (call(&m, &[], &[]), "m() missing 4 required positional arguments: 'a', 'b', 'c', and 'd'"),
        ];
        for (got, want) in cases {
            assert_eq!(got.unwrap_err(), want);
        }
    }

    #[test]
    fn binds_defaults_varargs_and_varkw() {
        let bound = call(&f(), &[1, 2, 3], &[("e", 5)]).unwrap();
        assert_eq!(bound.slots, vec![1, 2, 3, 10, 5, 20]);
        let v = Def { varargs: true, varkw: true, ..def("v", &["a", "args", "kw"], 1) };
        let bound = call(&v, &[1, 2, 3], &[("x", 9)]).unwrap();
        assert_eq!(bound.slots, vec![1]);
        assert_eq!(bound.extra_positional, vec![2, 3]);
        assert_eq!(bound.extra_keywords, vec![("x", 9)]);
        assert_eq!(call(&v, &[], &[("a", 2)]).unwrap().slots, vec![2]);
    }
}
