// From RemoveStaleFlagCodeFixTests.Int_double_string_and_variant_flags_inline_their_final_value, as a program.
using System;

var flags = Consumer.Flags.Create();
TypedFlags.FlagContext context = "user-1";
var limit = flags.SearchLimit.Value;
var text = flags.SearchLimit.Value.ToString() + (1-flags.SearchLimit.Value);
var rate = flags.PricingRate.GetValue(context);
var greeting = flags.Greeting.Value;
var layout = flags.OldVar.Value == Consumer.OldVar.TwoColumn ? "two" : "one";
Console.WriteLine(limit + text + rate + greeting + layout);
