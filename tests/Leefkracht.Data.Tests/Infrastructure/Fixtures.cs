[assembly: AssemblyFixture(typeof(Leefkracht.Testing.SampleStore))]
