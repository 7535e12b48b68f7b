console.log('The meeting service arrives with issue 3.');
