using System;
using TypedFlags.Manifest.Parsing;
using Xunit;

namespace TypedFlags.Manifest.Tests;

/// <summary>Durations (stale_after, lifetimes), dates (created, expires, launched) and schedule instants.</summary>
public sealed class TemporalTextTests
{
    [Theory]
    [InlineData("30d", 30)]
    [InlineData("6w", 42)]
    [InlineData("0d", 0)]
    [InlineData("00030d", 30)]
    [InlineData("36525d", 36_525)]
    [InlineData("5217w", 36_519)]
    public void Durations_are_days_or_weeks(string text, int days)
    {
        Assert.True(TemporalText.TryParseDays(text, out var parsed));
        Assert.Equal(days, parsed);
    }

    [Theory]
    [InlineData("36526d")]
    [InlineData("5218w")]
    [InlineData("99999d")]
    [InlineData("123456d")]
    [InlineData("30D")]
    [InlineData("30days")]
    [InlineData("1m")]
    [InlineData("-1d")]
    [InlineData(" 30d")]
    [InlineData("30d\n")]
    [InlineData("never")]
    [InlineData("")]
    public void Other_durations_are_rejected(string text)
    {
        Assert.False(TemporalText.TryParseDays(text, out _));
    }

    [Fact]
    public void Never_is_a_lifetime_but_not_a_grace_period()
    {
        var lifetimes = ManifestParser.Parse("version: 1\nlifetimes:\n  release: never\nflags:\n");
        var stale = ManifestParser.Parse("version: 1\nstale_after: never\nflags:\n");

        Assert.True(lifetimes.Diagnostics.IsEmpty);
        Assert.Null(lifetimes.Model!.Lifetimes[0].Days);
        var diagnostic = Assert.Single(stale.Diagnostics);
        Assert.Equal("TF0018", diagnostic.Id);
        Assert.Equal((2, 14), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.Equal(30, stale.Model!.StaleAfterDays);
    }

    [Theory]
    [InlineData("2026-10-01", 2026, 10, 1)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("2000-02-29", 2000, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    [InlineData("9999-12-31", 9999, 12, 31)]
    public void Dates_are_utc_midnights(string text, int year, int month, int day)
    {
        Assert.True(TemporalText.TryParseDate(text, out var date));
        Assert.Equal(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc), date);
        Assert.Equal(DateTimeKind.Utc, date.Kind);
    }

    [Theory]
    [InlineData("2026-02-29")]
    [InlineData("1900-02-29")]
    [InlineData("2026-04-31")]
    [InlineData("2026-13-01")]
    [InlineData("0000-01-01")]
    [InlineData("2026-1-1")]
    [InlineData("26-01-01")]
    [InlineData("2026/01/01")]
    [InlineData("01.10.2026")]
    [InlineData("2026-01-01\n")]
    [InlineData("2026-01-01T00:00Z")]
    [InlineData("\uFF12\uFF10\uFF12\uFF16-01-01")]
    public void Other_dates_are_rejected(string text)
    {
        Assert.False(TemporalText.TryParseDate(text, out _));
    }

    [Theory]
    [InlineData("2026-12-01", "2026-12-01T00:00:00")]
    [InlineData("2026-12-01T09:30Z", "2026-12-01T09:30:00")]
    [InlineData("2026-12-01T09:30:15Z", "2026-12-01T09:30:15")]
    [InlineData("2026-12-01T09:30:00+01:00", "2026-12-01T08:30:00")]
    [InlineData("2026-12-01T00:30:00-05:00", "2026-12-01T05:30:00")]
    [InlineData("2026-12-01T10:00+14:00", "2026-11-30T20:00:00")]
    public void Instants_are_dates_or_times_with_an_offset_in_utc(string text, string utc)
    {
        Assert.True(TemporalText.TryParseInstant(text, out var instant));
        Assert.Equal(DateTime.SpecifyKind(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc), instant);
        Assert.Equal(DateTimeKind.Utc, instant.Kind);
    }

    [Theory]
    [InlineData("2026-12-01T09:30")]
    [InlineData("2026-12-01T09:30:00")]
    [InlineData("2026-12-01 09:30Z")]
    [InlineData("2026-12-01t09:30z")]
    [InlineData("2026-12-01T24:00Z")]
    [InlineData("2026-12-01T09:30+14:01")]
    [InlineData("2026-12-01T09:30+0100")]
    [InlineData("2026-12-01T09:30Z\n")]
    [InlineData("2026-02-29T09:30Z")]
    public void Other_instants_are_rejected(string text)
    {
        Assert.False(TemporalText.TryParseInstant(text, out _));
    }

    [Fact]
    public void Format_writes_a_date_at_midnight_and_a_utc_time_otherwise()
    {
        Assert.Equal("2026-12-01", TemporalText.Format(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("2026-12-01T08:30:00Z", TemporalText.Format(new DateTime(2026, 12, 1, 8, 30, 0, DateTimeKind.Utc)));
    }
}
