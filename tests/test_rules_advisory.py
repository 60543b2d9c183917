"""Advisory rules: growth-descriptor."""

from conftest import lint, page

H1 = "Dental Hygienists"


def test_descriptor_disagrees_with_the_2022_cycle_scale():
    html = page('<div class="card"><h3>Growth Outlook</h3>\n<p>6%</p>\n'
                "<p>as fast as average (U.S. Bureau of Labor Statistics, 2022-2032)</p></div>", h1=H1)
    assert lint(html, select=["growth-descriptor"]) == [
        (4, "growth-descriptor", "6% for 2022–2032 is 'faster than average' (5–6%), not 'as fast as average'"),
    ]


def test_descriptor_in_prose_for_the_2024_cycle():
    html = page("<p>Employment of dental hygienists is projected to grow 2 percent from 2024 to 2034, much faster\n"
                "than the average for all occupations.</p>", h1=H1)
    assert lint(html, select=["growth-descriptor"]) == [
        (3, "growth-descriptor", "2% for 2024–2034 is 'slower than average' (1–2%), not 'much faster than the average'"),
    ]


def test_descriptor_in_the_next_sentence():
    html = page("<p>The BLS projects about 7% growth from 2022 to 2032.\n"
                "That is in line with the average for all occupations.</p>", h1=H1)
    assert lint(html, select=["growth-descriptor"]) == [
        (3, "growth-descriptor", "7% for 2022–2032 is 'much faster than average' (7% or more), not 'in line with the average'"),
    ]


def test_matching_descriptors_pass():
    html = page("<table><tr><th>Job Outlook, 2024&ndash;34</th><td>4% (As fast as average)</td></tr>\n"
                "<tr><th>Other</th><td>-3% (Decline)</td></tr></table>\n"
                "<p>Employment of dental hygienists is projected to grow 4 percent from 2024 to 2034, about as fast as "
                "the average for all occupations.</p>", h1=H1)
    assert lint(html, select=["growth-descriptor"]) == []


def test_old_fixed_scale_cycle():
    html = page("<p>Employment is projected to grow 10 percent from 2014 to 2024, faster than the average.</p>", h1=H1)
    assert lint(html, select=["growth-descriptor"]) == [
        (3, "growth-descriptor", "10% for 2014–2024 is 'as fast as average' (7–13%), not 'faster than the average'"),
    ]


def test_unknown_cycle_is_skipped_not_guessed():
    html = page("<p>The BLS projects a better than average job growth of 18% between 2012 and 2022.</p>", h1=H1)
    assert lint(html, select=["growth-descriptor"]) == []
