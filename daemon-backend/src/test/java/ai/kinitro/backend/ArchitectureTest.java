package ai.kinitro.backend;

import ai.kinitro.testsupport.architecture.CommonArchitectureTest;

class ArchitectureTest extends CommonArchitectureTest {}
