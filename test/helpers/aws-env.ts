// Import first in a test that talks to the loopback AWS server through the real SDK: documentation
// credentials, no instance-metadata lookup, no Node-version warning on stderr.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
process.env['AWS_ACCESS_KEY_ID'] = 'AKIDEXAMPLE';
process.env['AWS_SECRET_ACCESS_KEY'] = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
process.env['AWS_EC2_METADATA_DISABLED'] = 'true';

export {};
