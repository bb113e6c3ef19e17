// From RemoveStaleFlagCodeFixTests.Fix_all_in_project_and_solution_covers_every_document_and_top_level_statements.
var flags = Consumer.Flags.Create();
if (flags.OnFlag.IsEnabled)
{
    System.Console.WriteLine("new");
}
else
{
    System.Console.WriteLine("old");
}

System.Console.WriteLine(flags.OffFlag.IsEnabled ? "off-on" : "off-off");
