package ai.kinitro.devchain;

class ArchitectureTest extends ai.kinitro.testsupport.architecture.CommonArchitectureTest {}
